import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { changePassword } from "@/lib/auth/password-change";
import { db } from "@/lib/db";
import { removeMember } from "@/lib/orgs/members";
import { call } from "@/test/api";
import { Browser } from "@/test/auth-flow";
import { createOrg } from "@/test/factories";
import * as members from "@/app/api/v1/members/route";

// A session cookie copied from a browser (or kept by whoever registered an address first) must
// stop working the moment the user signs out, changes their password or is removed from an org.
// Sessions are opened through the real Auth.js handlers, as a browser opens them.

const password = "session-test-password";
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(password);
});

/** A verified user with a password, owner of a fresh org, signed in on a new browser. */
async function signedInOwner() {
  const { org, owner } = await createOrg();
  await db.user.update({ where: { id: owner.id }, data: { passwordHash } });
  const browser = await signIn(owner.email);
  return { org, owner, browser };
}

async function signIn(email: string) {
  const browser = new Browser();
  const landed = await browser.signInWithPassword(email, password);
  expect(landed.searchParams.get("error")).toBeNull();
  // Signed in as this user: the session Auth.js reads back from the cookie is theirs.
  expect(await browser.session()).toMatchObject({ user: { email } });
  return browser;
}

const readMembers = (cookie: string, orgSlug: string) =>
  call("GET", members.GET, "/api/v1/members", { cookie, headers: { "x-organization": orgSlug } });

describe("sign-out", () => {
  it("ends the session everywhere: a copied cookie and the user's other browsers get 401", async () => {
    const { org, owner, browser } = await signedInOwner();
    const laptop = await signIn(owner.email);
    const copied = browser.sessionCookie!;
    expect((await readMembers(copied, org.slug)).status).toBe(200);
    expect((await readMembers(laptop.sessionCookie!, org.slug)).status).toBe(200);

    await browser.signOut();
    expect(browser.sessionCookie).toBeNull();
    expect((await readMembers(copied, org.slug)).status).toBe(401);
    expect((await readMembers(laptop.sessionCookie!, org.slug)).status).toBe(401);
    // Pages and server actions read the session through auth(): it is gone there too.
    expect(await laptop.session()).toBeNull();
  });

  it("from a cookie that was already revoked does not end the sessions that replaced it", async () => {
    const { org, owner, browser } = await signedInOwner();
    const stale = new Browser();
    stale.cookies.set("authjs.session-token", browser.sessionCookie!.split("=")[1]!);
    await browser.signOut();
    const fresh = await signIn(owner.email);
    await stale.signOut();
    expect((await readMembers(fresh.sessionCookie!, org.slug)).status).toBe(200);
  });
});

describe("changing the password", () => {
  it("ends every session of the user at once", async () => {
    const { org, owner, browser } = await signedInOwner();
    const copied = browser.sessionCookie!;
    await expect(
      changePassword(owner.id, { currentPassword: "wrong-password", newPassword: "brand-new-password" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect((await readMembers(copied, org.slug)).status).toBe(200);

    await changePassword(owner.id, { currentPassword: password, newPassword: "brand-new-password" });
    expect((await readMembers(copied, org.slug)).status).toBe(401);
    expect(await browser.session()).toBeNull();
    // The new password opens a new session.
    const again = new Browser();
    expect((await again.signInWithPassword(owner.email, "brand-new-password")).searchParams.get("error")).toBeNull();
    expect((await readMembers(again.sessionCookie!, org.slug)).status).toBe(200);
  });
});

describe("removing a member", () => {
  it("ends their sessions, in that org and every other", async () => {
    const { org, owner } = await signedInOwner();
    const { org: other, owner: member } = await signedInOwner();
    await db.member.create({ data: { orgId: org.id, userId: member.id, role: "admin" } });
    const memberBrowser = await signIn(member.email);
    const copied = memberBrowser.sessionCookie!;
    expect((await readMembers(copied, org.slug)).status).toBe(200);

    const ownerMember = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    const removed = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: member.id } });
    const actor: Actor = { type: "member", userId: owner.id, memberId: ownerMember.id, label: owner.email };
    await removeMember(org.id, actor, "owner", removed.id);

    expect((await readMembers(copied, org.slug)).status).toBe(401);
    expect((await readMembers(copied, other.slug)).status).toBe(401);
    // Signing in again works, in the org they still belong to.
    const again = await signIn(member.email);
    expect((await readMembers(again.sessionCookie!, other.slug)).status).toBe(200);
    expect((await readMembers(again.sessionCookie!, org.slug)).status).toBe(404);
  });
});

describe("a session cookie", () => {
  it("without a session version (issued before versions existed) is refused", async () => {
    const { org, owner } = await createOrg();
    const legacy = await encode({
      token: { sub: owner.id },
      secret: process.env.AUTH_SECRET!,
      salt: "authjs.session-token",
    });
    expect((await readMembers(`authjs.session-token=${legacy}`, org.slug)).status).toBe(401);
  });

  it("for an account whose address is no longer verified is refused", async () => {
    const { org, owner, browser } = await signedInOwner();
    await db.user.update({ where: { id: owner.id }, data: { emailVerified: null } });
    expect((await readMembers(browser.sessionCookie!, org.slug)).status).toBe(401);
  });
});
