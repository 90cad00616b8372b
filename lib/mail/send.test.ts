import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { failWrites, restoreWrites } from "@/test/fail-writes";
import { startWorkerSmtpSink } from "@/test/worker-smtp-sink";
import type { SmtpSink } from "@/tools/smtp-sink";

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startWorkerSmtpSink({ refuseRecipient: (address) => address.startsWith("nobody@") });
});

afterAll(() => sink.stop());
afterEach(() => restoreWrites());

describe("sendEmail", () => {
  it("stores the email, delivers it over SMTP and marks it sent", async () => {
    const { sendEmail } = await import("@/lib/mail/send");
    const link = `http://localhost:3000/invite/${"x".repeat(90)}`;
    const row = await sendEmail({
      orgId: null,
      kind: "test",
      to: "ops@example.com",
      subject: "Hello ✓",
      text: `Open ${link}\n`,
    });
    expect(row).toMatchObject({ status: "sent", error: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    const received = await sink.waitFor((email) => email.to.includes("ops@example.com"));
    expect(received.subject).toContain("Hello");
    // Long lines arrive quoted-printable; the sink decodes them so links survive intact.
    expect(received.text).toContain(link);
  });

  it("records a failure when the SMTP server refuses, and keeps the email", async () => {
    const { sendEmail } = await import("@/lib/mail/send");
    const row = await sendEmail({ orgId: null, kind: "test", to: "nobody@example.com", subject: "x", text: "x" });
    expect(row.status).toBe("failed");
    expect(row.error).toContain("550");
    expect(sink.messages.some((email) => email.to.includes("nobody@example.com"))).toBe(false);
    const { db } = await import("@/lib/db");
    expect(await db.email.count({ where: { id: row.id } })).toBe(1);
  });
});

describe("secrets in emails", () => {
  it("reach the recipient but are blanked in the stored copy", async () => {
    const { sendEmail } = await import("@/lib/mail/send");
    const token = "tok_live_secret_value_123";
    const row = await sendEmail({
      orgId: null,
      kind: "test",
      to: "redact@example.com",
      subject: "Link",
      text: `http://x/invite/${token}`,
      secrets: [token],
    });
    expect(row.text).toBe("http://x/invite/[redacted]");
    const received = await sink.waitFor((email) => email.to.includes("redact@example.com"));
    expect(received.text).toContain(token);
    // The encrypted copy that carried the link waits only until the email has gone.
    const { db } = await import("@/lib/db");
    expect(await db.email.findUniqueOrThrow({ where: { id: row.id }, select: { bodyEncrypted: true } })).toEqual({
      bodyEncrypted: null,
    });
  });
});

describe("an invitation's email", () => {
  const minute = 60_000;

  async function invite(email: string) {
    const { call } = await import("@/test/api");
    const { createOrg } = await import("@/test/factories");
    const invitations = await import("@/app/api/v1/invitations/route");
    const { org, owner } = await createOrg();
    const post = () =>
      call("POST", invitations.POST, "/api/v1/invitations", {
        session: { userId: owner.id, orgSlug: org.slug },
        body: { email, role: "member" },
      });
    return { org, post };
  }

  it("is written with the invitation and its audit entry, or not at all", async () => {
    const { db } = await import("@/lib/db");
    const { org, post } = await invite("whole@example.com");
    await failWrites("AuditLog", "INSERT", org.id);
    expect(await post()).toEqual({
      status: 500,
      body: { error: { code: "internal_error", message: "Something went wrong on our side.", details: null } },
    });
    expect(await db.invitation.count({ where: { orgId: org.id } })).toBe(0);
    expect(await db.email.count({ where: { orgId: org.id } })).toBe(0);
    expect(sink.messages.some((email) => email.to.includes("whole@example.com"))).toBe(false);

    await restoreWrites();
    expect(await post()).toMatchObject({ status: 201, body: { email: "whole@example.com" } });
    expect(await db.invitation.count({ where: { orgId: org.id } })).toBe(1);
    await sink.waitFor((email) => email.to.includes("whole@example.com"));
  });

  it("is sent by the sweep, link intact, when sending it right after the commit failed", async () => {
    const { db } = await import("@/lib/db");
    const { sweepEngine } = await import("@/lib/engine/sweep");
    const { org, post } = await invite("later@example.com");
    // The database refuses the sender's claim on the email, as if the process had died after the commit.
    await failWrites("Email", "UPDATE", org.id);
    expect(await post()).toMatchObject({ status: 201, body: { email: "later@example.com" } });
    const queued = await db.email.findFirstOrThrow({ where: { orgId: org.id } });
    expect(queued).toMatchObject({ status: "queued", kind: "invitation" });
    expect(queued.text).toContain("/invite/[redacted]");
    expect(sink.messages.some((email) => email.to.includes("later@example.com"))).toBe(false);

    await restoreWrites();
    await sweepEngine(new Date(Date.now() + minute));
    const received = await sink.waitFor((email) => email.to.includes("later@example.com"));
    const link = /\/invite\/([A-Za-z0-9_-]{40,})/.exec(received.text);
    expect(link).not.toBeNull();
    const { findInvitation } = await import("@/lib/orgs/invitations");
    expect(await findInvitation(link![1]!)).toMatchObject({ email: "later@example.com" });
    expect(
      await db.email.findUniqueOrThrow({ where: { id: queued.id }, select: { status: true, bodyEncrypted: true } }),
    ).toEqual({ status: "sent", bodyEncrypted: null });
  });
});
