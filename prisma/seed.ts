import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { installCatalog } from "@/lib/event-types/install-catalog";

export const demo = {
  email: "demo@example.com",
  password: "webhook-hub-demo",
  name: "Demo Admin",
  orgSlug: "demo",
  orgName: "Demo Org",
  projectKey: "demo-project",
  projectName: "Demo Project",
} as const;

/** Creates the demo user, org and project if they are missing; safe to run on every start. */
export async function seedDemo() {
  const user =
    (await db.user.findUnique({ where: { email: demo.email } })) ??
    (await db.user.create({ data: { email: demo.email, name: demo.name, passwordHash: await hashPassword(demo.password) } }));
  const org = await db.organization.upsert({
    where: { slug: demo.orgSlug },
    create: { slug: demo.orgSlug, name: demo.orgName },
    update: {},
  });
  await db.member.upsert({
    where: { orgId_userId: { orgId: org.id, userId: user.id } },
    create: { orgId: org.id, userId: user.id, role: "owner" },
    update: {},
  });
  await db.$transaction((tx) => installCatalog(tx, org.id));
  await db.project.upsert({
    where: { orgId_key: { orgId: org.id, key: demo.projectKey } },
    create: { orgId: org.id, key: demo.projectKey, name: demo.projectName },
    update: {},
  });
  return { user, org };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedDemo();
  console.log(`Seeded ${demo.email} / ${demo.password} in org "${demo.orgSlug}".`);
  await db.$disconnect();
}
