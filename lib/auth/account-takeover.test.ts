import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorkerSmtpSink } from "@/test/worker-smtp-sink";
import type { SmtpSink } from "@/tools/smtp-sink";
import type { Browser as BrowserType } from "@/test/auth-flow";

// Issue 11, item 1: someone registers another person's address with a password and keeps the
// session; the owner of the address later signs in by magic link and joins an org as admin.
// Everything runs through the real Auth.js handlers, the real outbox and a real SMTP server.

let sink: SmtpSink;
let Browser: typeof BrowserType;

beforeAll(async () => {
  sink = await startWorkerSmtpSink();
  ({ Browser } = await import("@/test/auth-flow"));
});

afterAll(() => sink.stop());

const linkIn = (text: string) => /https?:\/\/\S+/.exec(text)?.[0] ?? "";

describe("pre-registration account takeover", () => {
  it("leaves the attacker no session once the owner of the address signs in and joins an org", async () => {
    const { signUp, signUpInput } = await import("@/lib/auth/sign-up");
    const { acceptInvitation } = await import("@/lib/orgs/invitations");
    const { inviteMember } = await import("@/lib/orgs/invitations");
    const { createOrg } = await import("@/test/factories");
    const { db } = await import("@/lib/db");
    const { call, sessionCookieFor } = await import("@/test/api");
    const members = await import("@/app/api/v1/members/route");
    const victimEmail = "victim-takeover@example.com";

    // The attacker registers the victim's address and tries to get a session with their password.
    const { user: preRegistered } = await signUp(
      signUpInput.parse({ name: "Mallory", email: victimEmail, password: "attacker-password-1" }),
    );
    const attacker = new Browser();
    const refusedAt = await attacker.signInWithPassword(victimEmail, "attacker-password-1");
    // Even a session issued to that account before the fix, kept since, must die below.
    const attackerCookie = attacker.sessionCookie ?? (await sessionCookieFor(preRegistered.id));

    // The owner of the mailbox signs in by magic link…
    const victim = new Browser();
    await victim.requestMagicLink(victimEmail);
    const signInEmail = await sink.waitFor(
      (email) => email.to.includes(victimEmail) && email.subject.includes("Sign in"),
    );
    await victim.follow(linkIn(signInEmail.text));
    const victimSession = await victim.session();
    expect(victimSession?.user?.id).toBe(preRegistered.id);

    // …and joins an org as admin.
    const { org, owner } = await createOrg();
    const ownerMember = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    const ownerActor = { type: "member" as const, userId: owner.id, memberId: ownerMember.id, label: owner.email };
    await inviteMember(org.id, ownerActor, "owner", { email: victimEmail, role: "admin" });
    const invitation = await sink.waitFor(
      (email) => email.to.includes(victimEmail) && email.subject.includes("invited"),
    );
    const token = linkIn(invitation.text).split("/invite/")[1]!;
    const victimUser = await db.user.findUniqueOrThrow({ where: { id: preRegistered.id } });
    await acceptInvitation(token, victimUser);

    // The victim's own session reads the org; the attacker's copied cookie reads nothing.
    const asVictim = await call("GET", members.GET, "/api/v1/members", {
      cookie: victim.sessionCookie!,
      headers: { "x-organization": org.slug },
    });
    expect(asVictim.status).toBe(200);
    const asAttacker = await call("GET", members.GET, "/api/v1/members", {
      cookie: attackerCookie,
      headers: { "x-organization": org.slug },
    });
    expect(asAttacker.status).toBe(401);
    // And the password the attacker chose never opened a session at all.
    expect(refusedAt.searchParams.get("code")).toBe("email_unverified");
    expect(await attacker.signInWithPassword(victimEmail, "attacker-password-1")).toMatchObject({
      pathname: "/sign-in",
    });
  });
});
