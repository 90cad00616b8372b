import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "@/tools/smtp-sink";

let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink({ refuseRecipient: (address) => address.startsWith("nobody@") });
  // lib/env reads the environment once, at first import: point it at this file's SMTP server first.
  process.env.SMTP_URL = sink.url;
});

afterAll(() => sink.stop());

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
  });
});
