import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { recordTestDelivery, sendTestDelivery, toProbeResult, type ProbeResult } from "@/lib/engine/probe";
import { AppError, notFound } from "@/lib/http/errors";

export interface SentExample {
  deliveryId: string;
  eventType: string;
  result: ProbeResult;
}

/**
 * Svix's and Stripe's "send example event": one trigger of the org's catalog, with its example
 * payload (or `{}` when it has none), sent to one webhook in the webhook's format and recorded in
 * its history as a test delivery. Only for a trigger the webhook subscribes to (all, when it names
 * none). Unlike the activation test event it changes nothing about the webhook's status.
 */
export async function sendExampleEvent(orgId: string, webhookId: string, eventType: string): Promise<SentExample> {
  const [webhook, trigger] = await Promise.all([
    db.webhook.findFirst({ where: { id: webhookId, orgId }, select: { triggers: true } }),
    db.eventType.findFirst({ where: { orgId, name: eventType }, select: { name: true, examplePayload: true } }),
  ]);
  if (!webhook) throw notFound("Webhook");
  if (!trigger)
    throw new AppError("validation_failed", "No such trigger in this organization's catalog.", [
      { path: "eventType", message: `"${eventType}" is not in the trigger catalog.` },
    ]);
  if (webhook.triggers.length > 0 && !webhook.triggers.includes(trigger.name))
    throw new AppError("validation_failed", "This webhook does not subscribe to that trigger.", [
      { path: "eventType", message: `The webhook's triggers are ${webhook.triggers.join(", ")}.` },
    ]);
  const example = (trigger.examplePayload ?? {}) as Prisma.InputJsonObject;
  const test = await sendTestDelivery(orgId, webhookId, trigger.name, () => example);
  await db.$transaction((tx) => recordTestDelivery(tx, orgId, test, new Date()));
  return { deliveryId: test.deliveryId, eventType: trigger.name, result: toProbeResult(test.sent) };
}
