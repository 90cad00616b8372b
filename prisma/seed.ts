import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto/secrets";
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
  webhookName: "Local demo receiver",
  // Published on purpose: it signs deliveries to the demo receiver on your own machine only.
  webhookSecret: `whsec_${Buffer.from("webhook-hub-demo-receiver-key!!").toString("base64")}`,
} as const;

/** The demo org's webhook to the local demo receiver, active from the start so the first event goes straight out. */
async function seedDemoWebhook(orgId: string, receiverUrl: string) {
  const existing = await db.webhook.findFirst({ where: { orgId, name: demo.webhookName }, select: { id: true } });
  const data = {
    url: receiverUrl,
    format: "standard" as const,
    status: "active" as const,
    activatedAt: new Date(),
    secretEncrypted: encryptSecret(demo.webhookSecret),
    statusReason: null,
    disabledAt: null,
    failingSince: null,
  };
  if (existing) await db.webhook.update({ where: { id: existing.id }, data });
  else
    await db.webhook.create({ data: { orgId, name: demo.webhookName, triggers: [], retryDelaysSeconds: [], ...data } });
}

/** Creates the demo user, org and project if they are missing; safe to run on every start. */
export async function seedDemo(receiverUrl?: string) {
  // The demo account's address is taken as verified: it signs in with the published password.
  const existing = await db.user.findUnique({ where: { email: demo.email } });
  const user = existing
    ? existing.emailVerified
      ? existing
      : await db.user.update({ where: { id: existing.id }, data: { emailVerified: new Date() } })
    : await db.user.create({
        data: {
          email: demo.email,
          name: demo.name,
          emailVerified: new Date(),
          passwordHash: await hashPassword(demo.password),
        },
      });
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
  if (receiverUrl) await seedDemoWebhook(org.id, receiverUrl);
  return { user, org };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await seedDemo();
  console.log(`Seeded ${demo.email} / ${demo.password} in org "${demo.orgSlug}".`);
  await db.$disconnect();
}
