import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma, WebhookFormat } from "@/generated/prisma/client";
import { testPayloadFor } from "@/lib/wire/formats/test-payload";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { attemptRow } from "@/lib/engine/attempt";
import { releaseHeld } from "@/lib/engine/held";
import { claimWebhooksToWake, wakeWebhooks } from "@/lib/engine/outbox";
import { describeFailure, sendAttempt, type SendTarget, type SentAttempt } from "@/lib/engine/send-attempt";
import { loadSigningTarget, splitBasicAuth } from "@/lib/engine/signing-target";
import { notFound } from "@/lib/http/errors";
import { presets } from "@/lib/webhooks/presets";
import type { testWebhookInput } from "@/lib/webhooks/schemas";
import { splitCredentials } from "@/lib/webhooks/target-url";
import type { z } from "zod";

export interface ProbeResult {
  success: boolean;
  status: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  errorClass: string | null;
  errorMessage: string | null;
}

const excerptLength = 2000;
export const testTrigger = "test";

export function toProbeResult({ result, outcome }: SentAttempt): ProbeResult {
  return {
    success: outcome.kind === "success",
    status: result.status,
    durationMs: Math.round(result.durationMs),
    responseExcerpt: result.status === null ? null : result.body.slice(0, excerptLength),
    errorClass: result.errorClass,
    errorMessage: result.errorMessage,
  };
}

/** The `test` trigger as the format's receivers accept it (SonarQube: an analysis naming a project). */
function testEvent(id: string, now: Date, format: WebhookFormat, project: { key: string; name: string } | null = null) {
  const payload = testPayloadFor(format, { project, serverUrl: env.APP_URL, now });
  return { id, type: testTrigger, createdAt: now, payload, properties: {}, projectKey: project?.key ?? null };
}

/** CodeScoring's "Test it": the `test` trigger with an empty payload to a URL nobody has saved yet. Nothing is stored. */
export async function testUnsavedTarget(input: z.infer<typeof testWebhookInput>): Promise<ProbeResult> {
  const { url, basicAuth } = splitCredentials(input.url);
  const target: SendTarget = {
    webhook: {
      id: "wh_test",
      url,
      format: input.format,
      headers: input.headers,
      extraPayload: {},
      timeoutMs: presets[input.format].timeoutMs,
    },
    secrets: input.secret ? [input.secret] : [],
    token: input.token ?? null,
    basicAuth: basicAuth ? splitBasicAuth(basicAuth) : null,
  };
  const now = new Date();
  const deliveryId = `dlv_test_${randomUUID().replaceAll("-", "")}`;
  return toProbeResult(
    await sendAttempt(
      target,
      { id: deliveryId, createdAt: now, retriesDone: 0 },
      [testEvent(`evt_test_${randomUUID().replaceAll("-", "")}`, now, input.format)],
      now,
    ),
  );
}

interface TestDelivery {
  target: SendTarget & { webhook: { projectId: string | null } };
  deliveryId: string;
  sent: SentAttempt;
}

/**
 * Sends one event to a saved webhook outside its schedule, as a test delivery in its history: the
 * event is stored already handed over, so it reaches this webhook and no other. `payloadFor` gets
 * the webhook's project (SonarQube's test names it) and the time.
 */
export async function sendTestDelivery(
  orgId: string,
  webhookId: string,
  type: string,
  payloadFor: (
    format: WebhookFormat,
    project: { key: string; name: string } | null,
    now: Date,
  ) => Prisma.InputJsonObject,
): Promise<TestDelivery> {
  const target = await loadSigningTarget(orgId, webhookId);
  if (!target) throw notFound("Webhook");
  const project = target.webhook.projectId
    ? await db.project.findFirst({ where: { id: target.webhook.projectId, orgId }, select: { key: true, name: true } })
    : null;
  const created = new Date();
  const payload = payloadFor(target.webhook.format, project, created);
  // The event, the delivery and the link between them commit together: a link has no foreign keys.
  const { event, delivery } = await db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: { orgId, projectId: target.webhook.projectId, type, payload, dispatchedAt: created, createdAt: created },
      select: { id: true, createdAt: true },
    });
    const delivery = await tx.delivery.create({
      data: { orgId, webhookId, isTest: true, status: "sending", eventCount: 1 },
      select: { id: true, createdAt: true },
    });
    await tx.deliveryEvent.create({ data: { deliveryId: delivery.id, eventId: event.id } });
    return { event, delivery };
  });
  const sent = await sendAttempt(target, { id: delivery.id, createdAt: delivery.createdAt, retriesDone: 0 }, [
    { id: event.id, type, createdAt: event.createdAt, payload, properties: {}, projectKey: project?.key ?? null },
  ]);
  return { target, deliveryId: delivery.id, sent };
}

/** A test delivery's one attempt and its outcome, in the caller's transaction. */
export async function recordTestDelivery(
  tx: Prisma.TransactionClient,
  orgId: string,
  { deliveryId, sent }: TestDelivery,
  now: Date,
) {
  const success = sent.outcome.kind === "success";
  await tx.attempt.create({ data: attemptRow(orgId, deliveryId, 1, "test", sent) });
  await tx.delivery.update({
    where: { id: deliveryId },
    data: {
      status: success ? "succeeded" : "failed",
      attemptCount: 1,
      lastAttemptAt: now,
      ...(success ? {} : { firstFailedAt: now }),
    },
  });
}

/**
 * Sends a saved webhook its test event (DeepSource's activation; CodeScoring's refresh
 * availability) and records it in the history. A 2xx activates a pending webhook and re-enables a
 * disabled one; a failure leaves the status and says why.
 */
export async function probeWebhook(orgId: string, webhookId: string): Promise<ProbeResult> {
  return (await probeAndRead(orgId, webhookId, async () => undefined)).result;
}

/**
 * `probeWebhook`, answering also with what `read` finds inside the transaction that records the
 * test: a committed probe is never answered with an error by a read after its commit.
 */
export async function probeAndRead<Read>(
  orgId: string,
  webhookId: string,
  read: (tx: Prisma.TransactionClient) => Promise<Read>,
): Promise<{ result: ProbeResult; read: Read }> {
  const test = await sendTestDelivery(
    orgId,
    webhookId,
    testTrigger,
    (format, project, now) =>
      testPayloadFor(format, { project, serverUrl: env.APP_URL, now }) as Prisma.InputJsonObject,
  );
  const { sent } = test;
  const success = sent.outcome.kind === "success";
  const now = new Date();
  const recorded = await db.$transaction(async (tx) => {
    await recordTestDelivery(tx, orgId, test, now);
    // Only a webhook still waiting (pending) or switched off by the hub (disabled) changes here; paused is a person's choice.
    if (success) {
      await tx.webhook.updateMany({
        where: { id: webhookId, orgId, status: { in: ["pending", "disabled"] } },
        data: { status: "active", activatedAt: now, disabledAt: null, failingSince: null, statusReason: null },
      });
      await tx.webhook.updateMany({
        where: { id: webhookId, orgId, status: { in: ["active", "failing", "paused"] }, activatedAt: null },
        data: { activatedAt: now },
      });
      // Resumed onto a new URL, it held its events until this activation: they go now.
      const live = await tx.webhook.count({ where: { id: webhookId, orgId, status: { in: ["active", "failing"] } } });
      if (live > 0 && (await releaseHeld(tx, webhookId, now)) > 0)
        return { toWake: await claimWebhooksToWake(tx, [webhookId], now), read: await read(tx) };
    } else {
      await tx.webhook.updateMany({
        where: { id: webhookId, orgId, status: { in: ["pending", "disabled"] } },
        data: { statusReason: `Test event failed: ${describeFailure(sent.result)}` },
      });
    }
    return { toWake: [], read: await read(tx) };
  });
  await wakeWebhooks(recorded.toWake);
  return { result: toProbeResult(sent), read: recorded.read };
}
