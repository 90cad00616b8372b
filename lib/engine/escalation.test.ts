import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { addMember, createActiveWebhook, createOrg } from "@/test/factories";

const hour = 3_600_000;
let engine: DeliveryEngine;

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
});

async function scorecardRule(name: string) {
  const receiver = await engine.receiver(() => ({ status: 502, body: "bad gateway" }));
  const { org } = await createOrg();
  const { user, member } = await addMember(org.id, "member");
  const webhook = await createActiveWebhook(org.id, receiver.url, {
    name,
    format: "scorecard",
    retrySchedule: "scorecard",
    timeoutMs: 5000,
    ownerId: member.id,
  });
  return { receiver, orgId: org.id, ownerEmail: user.email, webhook };
}

const escalations = (engine: DeliveryEngine, to: string) =>
  engine.mailbox.filter(
    (email) => email.to.includes(to) && email.subject === "[Action Required] Failed Webhook Request",
  );

describe("escalation after 36 hours (SecurityScorecard)", () => {
  it("retries 5 times within 36 hours, then emails the rule owner the seed's message once, and keeps the webhook enabled", async () => {
    const { receiver, orgId, ownerEmail, webhook } = await scorecardRule("Domain score dropped");
    await publishEvent(orgId, {
      type: "scorecard.score_changed",
      payload: { scorecard_id: "sc-1", domain: "example.com" },
      properties: {},
    });
    await engine.advance(35 * hour);
    expect(receiver.requests).toHaveLength(6);
    expect(escalations(engine, ownerEmail)).toHaveLength(0);

    await engine.advance(2 * hour);
    const [email] = escalations(engine, ownerEmail);
    expect(email?.text).toContain(
      "Your webhook requests for the Rule Domain score dropped have failed due to a network or destination server issue.",
    );
    expect(email?.text).toContain(`Webhook URL: ${receiver.url}`);
    expect(email?.text).toContain("HTTP error: HTTP 502");
    expect(email?.text).toContain("* Edit the Rule to have the web request sent to a different URL");

    await engine.advance(48 * hour);
    expect(escalations(engine, ownerEmail)).toHaveLength(1);
    expect(receiver.requests).toHaveLength(6);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).status).toBe("failing");
    const stored = await db.email.findFirstOrThrow({ where: { orgId, kind: "webhook.escalation" } });
    expect(stored.status).toBe("sent");
  });

  it("sends no escalation when the webhook recovers within 36 hours", async () => {
    const { receiver, orgId, ownerEmail, webhook } = await scorecardRule("Recovers");
    await publishEvent(orgId, { type: "scorecard.score_changed", payload: { scorecard_id: "sc-2" }, properties: {} });
    await engine.advance(hour);
    receiver.answer(() => ({ status: 200 }));
    await engine.advance(40 * hour);
    expect((await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).status).toBe("active");
    expect(escalations(engine, ownerEmail)).toHaveLength(0);
    // Its escalation started with the first failure and was cancelled by the recovery.
    const escalationRuns = await engine.executor.runs({ functionId: "webhook-hub-escalate" });
    expect(
      escalationRuns
        .filter((run) => (run.event.data as { webhookId?: string }).webhookId === webhook.id)
        .map((run) => run.status),
    ).toEqual(["cancelled"]);
  });
});
