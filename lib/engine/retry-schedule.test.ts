import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sweepEngine } from "@/lib/engine/sweep";
import { publishEvent } from "@/lib/events/publish";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import * as retryRoute from "@/app/api/v1/deliveries/[id]/retry/route";
import { call } from "@/test/api";
import { addMember, createActiveWebhook, createApiToken, createDelivery, createOrg } from "@/test/factories";
import type { Receiver } from "@/test/receiver";

const minute = 60_000;
const hour = 60 * minute;
let engine: DeliveryEngine;

beforeAll(async () => {
  engine = await startDeliveryEngine();
});

afterAll(async () => {
  await engine?.stop();
});

async function failingReceiver(status = 500, headers: Record<string, string> = {}) {
  const receiver = await engine.receiver(() => ({ status, headers, body: "down" }));
  return receiver;
}

async function orgWithOwner() {
  const { org } = await createOrg();
  const { user, member } = await addMember(org.id, "member");
  return { orgId: org.id, ownerEmail: user.email, ownerId: member.id };
}

const gaps = (receiver: Receiver) =>
  receiver.requests.slice(1).map((request, index) => request.at.getTime() - receiver.requests[index]!.at.getTime());

describe("retry schedules", () => {
  it("follows CodeScoring's schedule exactly, then disables the webhook and emails its owner", async () => {
    const receiver = await failingReceiver();
    const { orgId, ownerEmail, ownerId } = await orgWithOwner();
    const webhook = await createActiveWebhook(orgId, receiver.url, {
      format: "codescoring",
      retrySchedule: "codescoring",
      ownerId,
      name: "Nightly scan",
    });
    await publishEvent(orgId, { type: "project_sca_analysis_finished", payload: {}, properties: {} });
    await engine.advance(100 * hour);

    expect(gaps(receiver)).toEqual([1 * minute, 5 * minute, 30 * minute, 3 * hour, 12 * hour, 24 * hour, 48 * hour]);
    const stored = await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } });
    expect(stored.status).toBe("disabled");
    expect(stored.statusReason).toContain("HTTP 500");
    const delivery = await db.delivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 8, nextAttemptAt: null });
    const disabledMail = engine.mailbox.find(
      (email) => email.to.includes(ownerEmail) && email.subject === "Webhook disabled: Nightly scan",
    );
    expect(disabledMail?.text).toContain(receiver.url);

    // Disabled means nothing more is sent.
    await publishEvent(orgId, { type: "project_sca_analysis_finished", payload: {}, properties: {} });
    await engine.advance(hour);
    expect(receiver.requests).toHaveLength(8);
  });

  it("disables a webhook at once when its endpoint answers 410 Gone", async () => {
    const receiver = await failingReceiver(410);
    const { orgId, ownerEmail, ownerId } = await orgWithOwner();
    const webhook = await createActiveWebhook(orgId, receiver.url, { ownerId });
    await publishEvent(orgId, { type: "test", payload: {}, properties: {} });
    await engine.advance(24 * hour);
    expect(receiver.requests).toHaveLength(1);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({
      status: "disabled",
      statusReason: "The endpoint answered 410 Gone.",
    });
    expect(
      engine.mailbox.some((email) => email.to.includes(ownerEmail) && email.subject.startsWith("Webhook disabled")),
    ).toBe(true);
  });

  it("retries a 410 Gone on the schedule where 410 disabling is off (SecurityScorecard retries every 40x)", async () => {
    const receiver = await failingReceiver(410);
    const { orgId, ownerId } = await orgWithOwner();
    const webhook = await createActiveWebhook(orgId, receiver.url, {
      ownerId,
      format: "scorecard",
      retrySchedule: "scorecard",
      timeoutMs: 5000,
      disableOnGone: false,
    });
    await publishEvent(orgId, { type: "test", payload: {}, properties: {} });
    await engine.advance(40 * hour);
    // The first request and SecurityScorecard's five retries, the webhook still enabled.
    expect(receiver.requests).toHaveLength(6);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({
      status: "failing",
      statusReason: "HTTP 410",
    });
  });

  it("keeps a retrying delivery's next attempt time through a failed manual Retry, and still retries then", async () => {
    const receiver = await failingReceiver(500);
    const { orgId } = await orgWithOwner();
    const { token } = await createApiToken(orgId, ["deliveries:write"]);
    await createActiveWebhook(orgId, receiver.url, { retrySchedule: "custom", retryDelaysSeconds: [600] });
    await publishEvent(orgId, { type: "test", payload: {}, properties: {} });
    await engine.advance(0);
    const scheduled = await db.delivery.findFirstOrThrow({ where: { orgId } });
    expect(scheduled).toMatchObject({ status: "retrying", nextAttemptAt: expect.any(Date) });

    const retried = await call("POST", retryRoute.POST, `/api/v1/deliveries/${scheduled.id}/retry`, {
      token,
      params: { id: scheduled.id },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.attempt).toMatchObject({ trigger: "manual", success: false });
    const after = await db.delivery.findUniqueOrThrow({ where: { id: scheduled.id } });
    expect(after).toMatchObject({ status: "retrying", attemptCount: 2 });
    expect(after.nextAttemptAt).toEqual(scheduled.nextAttemptAt);

    await engine.advance(10 * minute);
    expect(receiver.requests).toHaveLength(3);
  });

  it("waits as long as Retry-After asks when that is longer than the schedule", async () => {
    const receiver = await failingReceiver(429, { "retry-after": "600" });
    const { orgId } = await orgWithOwner();
    await createActiveWebhook(orgId, receiver.url, { retrySchedule: "codescoring" });
    await publishEvent(orgId, { type: "test", payload: {}, properties: {} });
    await engine.advance(11 * minute);
    expect(gaps(receiver)).toEqual([10 * minute]);
  });

  it("marks a webhook failing on the first failure and active again when a retry succeeds", async () => {
    const receiver = await failingReceiver(503);
    const { orgId } = await orgWithOwner();
    const webhook = await createActiveWebhook(orgId, receiver.url, {
      retrySchedule: "custom",
      retryDelaysSeconds: [60, 60],
    });
    await publishEvent(orgId, { type: "test", payload: {}, properties: {} });
    await engine.advance(0);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({
      status: "failing",
      failingSince: expect.any(Date),
    });

    receiver.answer(() => ({ status: 204 }));
    await engine.advance(minute);
    expect(receiver.requests).toHaveLength(2);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({
      status: "active",
      failingSince: null,
      statusReason: null,
    });
    expect(await db.delivery.findFirstOrThrow({ where: { webhookId: webhook.id } })).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
    });
  });
});

describe("a person's Retry that changes a webhook's health", () => {
  const failedDelivery = async (orgId: string, webhookId: string) => {
    const event = await db.event.create({ data: { orgId, type: "test", payload: {}, dispatchedAt: new Date() } });
    return createDelivery({ orgId, webhookId, status: "failed" }, [event.id]);
  };

  it("announces the recovery through the job outbox: with Inngest unreachable it waits there, and the sweep sends it", async () => {
    const receiver = await engine.receiver(() => ({ status: 204 }));
    const { orgId } = await orgWithOwner();
    const { token } = await createApiToken(orgId, ["deliveries:write"]);
    const webhook = await createActiveWebhook(orgId, receiver.url, { status: "failing", failingSince: new Date() });
    const delivery = await failedDelivery(orgId, webhook.id);
    const recoveredJobs = (sent: boolean) =>
      db.jobOutbox.count({
        where: {
          name: "hub/webhook.recovered",
          data: { path: ["webhookId"], equals: webhook.id },
          sentAt: sent ? { not: null } : null,
        },
      });

    await engine.stopExecutor();
    const retried = await call("POST", retryRoute.POST, `/api/v1/deliveries/${delivery.id}/retry`, {
      token,
      params: { id: delivery.id },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.attempt).toMatchObject({ trigger: "manual", success: true });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ status: "active" });
    expect(await recoveredJobs(false)).toBe(1);
    expect(await db.auditLog.count({ where: { orgId, action: "delivery.replayed", targetId: delivery.id } })).toBe(1);

    await engine.restartExecutor();
    await sweepEngine(new Date(Date.now() + minute));
    expect(await recoveredJobs(false)).toBe(0);
    expect(await recoveredJobs(true)).toBe(1);
  });

  it("emails the owner through the email outbox when the Retry's 410 disables the webhook", async () => {
    const receiver = await failingReceiver(410);
    const { orgId, ownerEmail, ownerId } = await orgWithOwner();
    const { token } = await createApiToken(orgId, ["deliveries:write"]);
    const webhook = await createActiveWebhook(orgId, receiver.url, { ownerId, disableOnGone: true });
    const delivery = await failedDelivery(orgId, webhook.id);

    const retried = await call("POST", retryRoute.POST, `/api/v1/deliveries/${delivery.id}/retry`, {
      token,
      params: { id: delivery.id },
    });
    expect(retried.status).toBe(200);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ status: "disabled" });
    expect(await db.email.findMany({ where: { orgId }, select: { kind: true, to: true, status: true } })).toEqual([
      { kind: "webhook.disabled", to: ownerEmail, status: "sent" },
    ]);
    expect(
      engine.mailbox.some((email) => email.to.includes(ownerEmail) && email.subject.startsWith("Webhook disabled")),
    ).toBe(true);
  });
});
