import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerSmtpSink } from "@/test/worker-smtp-sink";
import type { SmtpSink } from "@/tools/smtp-sink";

// lib/env reads the environment once, at first import, so everything that reaches it is
// imported after this file's SMTP server is up: verification links arrive as a person gets them.
let sink: SmtpSink;
let m: {
  signUp: typeof import("@/lib/auth/sign-up").signUp;
  signUpInput: typeof import("@/lib/auth/sign-up").signUpInput;
  verification: typeof import("@/lib/auth/email-verification");
  db: typeof import("@/lib/db").db;
  verifyPassword: typeof import("@/lib/auth/password").verifyPassword;
  factories: typeof import("@/test/factories");
  Browser: typeof import("@/test/auth-flow").Browser;
};

beforeAll(async () => {
  sink = await startWorkerSmtpSink();
  const [signUpModule, verification, { db }, { verifyPassword }, factories, { Browser }] = await Promise.all([
    import("@/lib/auth/sign-up"),
    import("@/lib/auth/email-verification"),
    import("@/lib/db"),
    import("@/lib/auth/password"),
    import("@/test/factories"),
    import("@/test/auth-flow"),
  ]);
  m = {
    signUp: signUpModule.signUp,
    signUpInput: signUpModule.signUpInput,
    verification,
    db,
    verifyPassword,
    factories,
    Browser,
  };
});

afterAll(() => sink.stop());

const password = "long-enough-pw";
const input = (email: string, orgName?: string, secret = password) =>
  m.signUpInput.parse({ name: "Grace", email, password: secret, ...(orgName ? { orgName } : {}) });

/** The token of the newest verification link mailed to the address. */
async function verificationToken(email: string, after = 0): Promise<string> {
  const received = await sink.waitFor(
    (message) =>
      message.to.includes(email) && message.subject.startsWith("Verify") && sink.messages.indexOf(message) >= after,
  );
  const token = /\/verify-email\/([A-Za-z0-9_-]+)/.exec(received.text)?.[1];
  if (!token) throw new Error(`No verification link in:\n${received.text}`);
  return token;
}

describe("signUp", () => {
  it("creates an unverified account with a hashed password, no org yet, and mails a verification link", async () => {
    const { user, org, verified } = await m.signUp(input("Grace@Example.com", "Hopper Inc"));
    expect({ email: user.email, org, verified, emailVerified: user.emailVerified }).toEqual({
      email: "grace@example.com",
      org: null,
      verified: false,
      emailVerified: null,
    });
    const stored = await m.db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await m.verifyPassword(password, stored.passwordHash!)).toBe(true);
    expect(await m.db.member.count({ where: { userId: user.id } })).toBe(0);

    const token = await verificationToken("grace@example.com");
    // The outbox keeps the email with its link redacted; the database holds only the token's hash.
    const outbox = await m.db.email.findFirstOrThrow({
      where: { to: "grace@example.com", kind: "email_verification" },
    });
    expect(outbox.text).toContain("/verify-email/[redacted]");
    const row = await m.db.emailVerification.findFirstOrThrow({
      where: { userId: user.id },
      omit: { tokenHash: false },
    });
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 60 * 60 * 1000);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
  });

  it("refuses a second account for a verified address, in any letter case", async () => {
    await m.factories.createUser("twice@example.com");
    await expect(m.signUp(input("TWICE@example.com", "Second"))).rejects.toMatchObject({ code: "conflict" });
    expect(await m.db.organization.count({ where: { name: "Second" } })).toBe(0);
  });

  it("lets the owner of an address sign up over an unverified claim on it, whose password and sessions stop working", async () => {
    const { user: squat } = await m.signUp(input("claimed@example.com", undefined, "squatter-password"));
    const { user } = await m.signUp(input("claimed@example.com", "Owner Org", "owner-password-1"));
    expect(user.id).toBe(squat.id);
    expect(user.sessionVersion).toBe(squat.sessionVersion + 1);
    const stored = await m.db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await m.verifyPassword("squatter-password", stored.passwordHash!)).toBe(false);
    // Only the newest link works.
    expect(await m.db.emailVerification.count({ where: { userId: user.id } })).toBe(1);
  });

  it("verifies at once, and creates the org, when the person arrives with an invitation to this address", async () => {
    const { org: inviting } = await m.factories.createOrg();
    const { hashToken } = await import("@/lib/tokens/token-secret");
    const token = "i".repeat(43);
    await m.db.invitation.create({
      data: {
        orgId: inviting.id,
        email: "invited@example.com",
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    const other = await m.signUp(input("someone-else@example.com"), { invitationToken: token });
    expect(other.verified).toBe(false);
    const { user, verified } = await m.signUp(input("invited@example.com"), { invitationToken: token });
    expect(verified).toBe(true);
    expect(user.emailVerified).toBeInstanceOf(Date);
  });

  it("rejects weak or malformed input before touching the database", () => {
    expect(m.signUpInput.safeParse({ name: "", email: "nope", password: "short" }).success).toBe(false);
    expect(m.signUpInput.safeParse({ name: "A", email: "a@example.com", password, extra: 1 }).success).toBe(false);
  });
});

describe("an unverified password account", () => {
  it("cannot sign in: the right password gets 'verify your email', a wrong one the usual refusal", async () => {
    await m.signUp(input("unverified@example.com", "Nope Org"));
    const browser = new m.Browser();
    const refused = await browser.signInWithPassword("unverified@example.com", password);
    expect(refused.pathname).toBe("/sign-in");
    expect(refused.searchParams.get("code")).toBe("email_unverified");
    expect(browser.sessionCookie).toBeNull();
    const wrong = await browser.signInWithPassword("unverified@example.com", "not-the-password");
    expect(wrong.searchParams.get("code")).toBe("credentials");
  });

  it("cannot accept an invitation", async () => {
    const { acceptInvitation } = await import("@/lib/orgs/invitations");
    const { hashToken } = await import("@/lib/tokens/token-secret");
    const { org } = await m.factories.createOrg();
    const user = await m.factories.createUser("not-proven@example.com", { verified: false });
    const token = "u".repeat(43);
    await m.db.invitation.create({
      data: { orgId: org.id, email: user.email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60_000) },
    });
    await expect(acceptInvitation(token, user)).rejects.toMatchObject({ code: "forbidden" });
    expect(await m.db.member.count({ where: { userId: user.id } })).toBe(0);
    expect((await m.db.invitation.findFirstOrThrow({ where: { orgId: org.id } })).acceptedAt).toBeNull();
  });
});

describe("the verification link", () => {
  it("with the sign-up password verifies the account, creates its org, and works once", async () => {
    const { user } = await m.signUp(input("verify-once@example.com", "Verified Org"));
    const token = await verificationToken("verify-once@example.com");
    // Someone holding only the link (the mailbox owner who did not sign up) cannot finish it.
    await expect(m.verification.completeEmailVerification(token, "a-guess-at-it")).rejects.toMatchObject({
      code: "forbidden",
    });
    const { org } = await m.verification.completeEmailVerification(token, password);
    expect(org?.name).toBe("Verified Org");
    expect(await m.db.member.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({
      orgId: org?.id,
      role: "owner",
    });
    expect((await m.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    await expect(m.verification.completeEmailVerification(token, password)).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await m.db.organization.count({ where: { name: "Verified Org" } })).toBe(1);

    const browser = new m.Browser();
    expect(
      (await browser.signInWithPassword("verify-once@example.com", password)).searchParams.get("error"),
    ).toBeNull();
    expect((await browser.session())?.user?.id).toBe(user.id);
  });

  it("is used once even when opened twice at the same moment", async () => {
    await m.signUp(input("verify-race@example.com", "Race Org"));
    const token = await verificationToken("verify-race@example.com");
    const results = await Promise.allSettled([
      m.verification.completeEmailVerification(token, password),
      m.verification.completeEmailVerification(token, password),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await m.db.organization.count({ where: { name: "Race Org" } })).toBe(1);
  });

  it("expires, and a new one can be requested, which replaces the old one", async () => {
    const { user } = await m.signUp(input("verify-late@example.com"));
    const first = await verificationToken("verify-late@example.com");
    await m.db.emailVerification.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await m.verification.findEmailVerification(first)).toBeNull();
    await expect(m.verification.completeEmailVerification(first, password)).rejects.toMatchObject({
      code: "not_found",
    });

    const before = sink.messages.length;
    await m.verification.resendEmailVerification("Verify-Late@example.com");
    const second = await verificationToken("verify-late@example.com", before);
    expect(second).not.toBe(first);
    await m.verification.completeEmailVerification(second, password);
    expect((await m.db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
  });

  it("is never sent for an address that has no unverified password account", async () => {
    const verified = await m.factories.createUser("already@example.com");
    await m.verification.resendEmailVerification(verified.email);
    await m.verification.resendEmailVerification("nobody-here@example.com");
    expect(
      await m.db.email.count({
        where: { kind: "email_verification", to: { in: ["already@example.com", "nobody-here@example.com"] } },
      }),
    ).toBe(0);
  });
});

describe("purgeExpiredUnverifiedAccounts", () => {
  it("deletes unverified accounts older than 7 days, and keeps verified, recent or member accounts", async () => {
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const stale = await m.factories.createUser("stale@example.com", { verified: false });
    const recent = await m.factories.createUser("recent@example.com", { verified: false });
    const verified = await m.factories.createUser("old-verified@example.com");
    const legacy = await m.factories.createUser("legacy-member@example.com", { verified: false });
    const { org } = await m.factories.createOrg();
    await m.db.member.create({ data: { orgId: org.id, userId: legacy.id, role: "member" } });
    await m.db.user.updateMany({
      where: { id: { in: [stale.id, verified.id, legacy.id] } },
      data: { createdAt: eightDaysAgo },
    });

    // Only the stale one: no other account in this file's database is unverified and a week old.
    expect(await m.verification.purgeExpiredUnverifiedAccounts()).toBe(1);
    const left = await m.db.user.findMany({
      where: { id: { in: [stale.id, recent.id, verified.id, legacy.id] } },
      select: { email: true },
    });
    expect(left.map((user) => user.email).sort()).toEqual([
      "legacy-member@example.com",
      "old-verified@example.com",
      "recent@example.com",
    ]);
  });
});
