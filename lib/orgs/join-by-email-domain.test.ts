import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerSmtpSink } from "@/test/worker-smtp-sink";
import type { SmtpSink } from "@/tools/smtp-sink";

// lib/env reads the environment once, at first import, so everything that reaches it is imported
// after this file's SMTP server is up: verification and sign-in links arrive as a person gets them.
let sink: SmtpSink;
let m: {
  signUp: typeof import("@/lib/auth/sign-up").signUp;
  signUpInput: typeof import("@/lib/auth/sign-up").signUpInput;
  completeEmailVerification: typeof import("@/lib/auth/email-verification").completeEmailVerification;
  orgs: typeof import("@/lib/orgs/orgs");
  db: typeof import("@/lib/db").db;
  factories: typeof import("@/test/factories");
  hashToken: typeof import("@/lib/tokens/token-secret").hashToken;
  Browser: typeof import("@/test/auth-flow").Browser;
};

beforeAll(async () => {
  sink = await startWorkerSmtpSink();
  const [signUpModule, verification, orgs, { db }, factories, { hashToken }, { Browser }] = await Promise.all([
    import("@/lib/auth/sign-up"),
    import("@/lib/auth/email-verification"),
    import("@/lib/orgs/orgs"),
    import("@/lib/db"),
    import("@/test/factories"),
    import("@/lib/tokens/token-secret"),
    import("@/test/auth-flow"),
  ]);
  m = {
    signUp: signUpModule.signUp,
    signUpInput: signUpModule.signUpInput,
    completeEmailVerification: verification.completeEmailVerification,
    orgs,
    db,
    factories,
    hashToken,
    Browser,
  };
});

afterAll(() => sink.stop());

const password = "long-enough-pw";
let counter = 0;
/** A domain no other test uses. */
const freshDomain = () => `acme-${Date.now().toString(36)}${counter++}.test`;
const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)?.[0] ?? "";

/** An org whose owner has a verified address at `domain`, with a policy admitting that domain. */
async function orgAdmitting(domain: string, role: "member" | "admin" = "member") {
  const owner = await m.factories.createUser(`owner-${counter++}@${domain}`);
  const org = await m.orgs.createOrganization(owner.id, owner.email, `Org at ${domain}`);
  const member = await m.db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
  const actor = { type: "member" as const, userId: owner.id, memberId: member.id, label: owner.email };
  await m.orgs.updateOrganization(org.id, actor, "owner", {
    joinPolicy: { mode: "email_domain", domains: [domain], role },
  });
  return org;
}

/** Signs up with a password; `verify()` follows the emailed link, as a person would. */
async function signUpPending(email: string, options: { orgName?: string } = {}) {
  const sentBefore = sink.messages.length;
  const { user } = await m.signUp(m.signUpInput.parse({ name: "Ada", email, password, orgName: options.orgName }));
  const verify = async () => {
    const mail = await sink.waitFor(
      (message) =>
        message.to.includes(user.email) &&
        message.subject.startsWith("Verify") &&
        sink.messages.indexOf(message) >= sentBefore,
    );
    const token = /\/verify-email\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (!token) throw new Error(`No verification link in:\n${mail.text}`);
    return m.completeEmailVerification(token, password);
  };
  return { user, verify };
}

async function signUpAndVerify(email: string, options: { orgName?: string } = {}) {
  const { user, verify } = await signUpPending(email, options);
  const verified = await verify();
  return { ...verified, user };
}

async function signInByMagicLink(email: string) {
  const sentBefore = sink.messages.length;
  const browser = new m.Browser();
  await browser.requestMagicLink(email);
  const mail = await sink.waitFor(
    (message) =>
      message.to.includes(email) && message.subject.includes("Sign in") && sink.messages.indexOf(message) >= sentBefore,
  );
  await browser.follow(linkIn(mail.text));
  const session = await browser.session();
  if (!session?.user?.id) throw new Error(`No session after the sign-in link for ${email}`);
  return session.user.id;
}

const membershipsOf = (userId: string) =>
  m.db.member.findMany({ where: { userId }, select: { orgId: true, role: true }, orderBy: { createdAt: "asc" } });

describe("joining by email domain", () => {
  it("joins a person whose address at a policy's domain is verified, with the policy's role, audited as their act", async () => {
    const domain = freshDomain();
    const admitting = await orgAdmitting(domain, "admin");
    const elsewhere = await orgAdmitting(freshDomain());
    const { user, verify } = await signUpPending(`Ada@${domain.toUpperCase()}`);
    // Not verified yet: nothing joined.
    expect(await membershipsOf(user.id)).toEqual([]);

    const { joined, org } = await verify();
    expect(org).toBeNull();
    expect(joined).toEqual([{ id: admitting.id, slug: admitting.slug, name: admitting.name }]);
    expect(await membershipsOf(user.id)).toEqual([{ orgId: admitting.id, role: "admin" }]);
    expect(await m.db.member.count({ where: { orgId: elsewhere.id, userId: user.id } })).toBe(0);

    const member = await m.db.member.findFirstOrThrow({ where: { orgId: admitting.id, userId: user.id } });
    const entry = await m.db.auditLog.findFirstOrThrow({
      where: { orgId: admitting.id, action: "member.joined_by_domain" },
    });
    expect(entry).toMatchObject({
      actorType: "member",
      actorId: user.id,
      actorLabel: `ada@${domain}`,
      targetType: "member",
      targetId: member.id,
      metadata: { email: `ada@${domain}`, role: "admin", domain },
    });
  });

  it("joins every org admitting the domain, beside the org the person signs up to create", async () => {
    const domain = freshDomain();
    const first = await orgAdmitting(domain);
    const second = await orgAdmitting(domain, "admin");
    const { user, org, joined } = await signUpAndVerify(`grace@${domain}`, { orgName: "Grace's own" });
    expect(org?.name).toBe("Grace's own");
    expect(joined.map((row) => row.id)).toEqual([first.id, second.id]);
    expect(await membershipsOf(user.id)).toEqual([
      { orgId: org!.id, role: "owner" },
      { orgId: first.id, role: "member" },
      { orgId: second.id, role: "admin" },
    ]);
  });

  it("joins nothing for an unverified address, a subdomain, a look-alike or another domain", async () => {
    const domain = freshDomain();
    const admitting = await orgAdmitting(domain);
    const { user: unverified } = await signUpPending(`eve@${domain}`);
    for (const email of [`bob@eng.${domain}`, `bob@not${domain}`, `bob@${domain}.evil.test`, `bob@${freshDomain()}`]) {
      const { joined, user } = await signUpAndVerify(email);
      expect(joined, email).toEqual([]);
      expect(await membershipsOf(user.id), email).toEqual([]);
    }
    expect(await membershipsOf(unverified.id)).toEqual([]);
    expect(await m.db.member.count({ where: { orgId: admitting.id } })).toBe(1);
    expect(await m.db.auditLog.count({ where: { orgId: admitting.id, action: "member.joined_by_domain" } })).toBe(0);
  });

  it("never gives the owner role: the database holds no such joining role", async () => {
    const admitting = await orgAdmitting(freshDomain());
    await expect(
      m.db.organization.update({ where: { id: admitting.id }, data: { joinRole: "owner" as never } }),
    ).rejects.toThrow();
    await expect(
      m.db.$executeRawUnsafe(`UPDATE "Organization" SET "joinRole" = 'owner' WHERE id = $1`, admitting.id),
    ).rejects.toThrow(/invalid input value for enum "JoinRole"/);
  });

  it("lets a magic link prove the address: a new account and an unverified one join, a verified one does not join again", async () => {
    const domain = freshDomain();
    const admitting = await orgAdmitting(domain);
    const before = await m.factories.createUser(`before@${domain}`);

    const newcomer = await signInByMagicLink(`newcomer@${domain}`);
    expect(await membershipsOf(newcomer)).toEqual([{ orgId: admitting.id, role: "member" }]);

    const { user: unproven } = await signUpPending(`una@${domain}`);
    expect(await signInByMagicLink(`una@${domain}`)).toBe(unproven.id);
    expect(await membershipsOf(unproven.id)).toEqual([{ orgId: admitting.id, role: "member" }]);

    // Verified before: signing in adds nothing. Joining happens once, so a removed member stays removed.
    await signInByMagicLink(before.email);
    expect(await membershipsOf(before.id)).toEqual([]);
    await m.db.member.deleteMany({ where: { userId: newcomer } });
    await signInByMagicLink(`newcomer@${domain}`);
    expect(await membershipsOf(newcomer)).toEqual([]);
    expect(await m.db.auditLog.count({ where: { orgId: admitting.id, action: "member.joined_by_domain" } })).toBe(2);
  });

  it("leaves an org with a pending invitation to that invitation, whose sender chose the role", async () => {
    const domain = freshDomain();
    const inviting = await orgAdmitting(domain);
    const other = await orgAdmitting(domain);
    const token = `invite-${counter++}`.padEnd(43, "x");
    await m.db.invitation.create({
      data: {
        orgId: inviting.id,
        email: `invited@${domain}`,
        role: "admin",
        tokenHash: m.hashToken(token),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    // Arriving from the invitation proves the address at once.
    const { user, verified, joined } = await m.signUp(
      m.signUpInput.parse({ name: "Ivy", email: `invited@${domain}`, password }),
      { invitationToken: token },
    );
    expect(verified).toBe(true);
    expect(joined.map((row) => row.id)).toEqual([other.id]);
    const { acceptInvitation } = await import("@/lib/orgs/invitations");
    await acceptInvitation(token, user);
    expect(await membershipsOf(user.id)).toEqual([
      { orgId: other.id, role: "member" },
      { orgId: inviting.id, role: "admin" },
    ]);
  });

  it("admits nobody through a public email provider, even one a policy held before it was listed", async () => {
    const { org } = await m.factories.createOrg();
    await m.db.organization.update({
      where: { id: org.id },
      data: { joinPolicy: "email_domain", joinDomains: ["gmail.com"] },
    });
    const { joined, user } = await signUpAndVerify(`someone-${counter++}@gmail.com`);
    expect(joined).toEqual([]);
    expect(await membershipsOf(user.id)).toEqual([]);
  });
});
