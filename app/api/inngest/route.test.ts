import "@/test/engine-env";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, generateSigningKey, signatureHeader } from "@/tools/inngest-local/signing";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { functions } from "@/inngest/functions";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { inngestKeys } from "@/test/engine-env";
import { createActiveWebhook, createDelivery, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";

let engine: DeliveryEngine;
let receiver: Receiver;

beforeAll(async () => {
  engine = await startDeliveryEngine();
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver.close();
  await engine.stop();
});

/** What the security review forged: the body of an Inngest call to a delivery run, for a webhook of the attacker's choosing. */
async function forgedDeliveryCall() {
  const { org } = await createOrg();
  const webhook = await createActiveWebhook(org.id, receiver.url);
  const event = await db.event.create({ data: { orgId: org.id, type: "test", payload: {}, dispatchedAt: new Date() } });
  await createDelivery(
    {
      orgId: org.id,
      webhookId: webhook.id,
      nextAttemptAt: new Date(),
    },
    [event.id],
  );
  const inngestEvent = {
    name: "hub/webhook.due",
    data: { webhookId: webhook.id, orgId: org.id },
    id: `forged-${event.id}`,
    ts: Date.now(),
  };
  const body = canonicalJson({
    event: inngestEvent,
    events: [inngestEvent],
    steps: {},
    version: 2,
    ctx: {
      run_id: "forged-run",
      attempt: 0,
      max_attempts: 1,
      stack: { stack: [], current: 0 },
      disable_immediate_execution: false,
      use_api: false,
    },
  });
  const url = `${engine.routeUrl}?fnId=webhook-hub-deliver-webhook&stepId=step`;
  const send = (signature?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-inngest-signature": signature } : {}) },
      body,
    });
  const attempts = () => db.attempt.count({ where: { orgId: org.id } });
  return { body, send, attempts };
}

describe("/api/inngest", () => {
  it("refuses a call that is unsigned, signed with another key, or signed too long ago (401), and runs nothing", async () => {
    const forged = await forgedDeliveryCall();
    const refused = [
      await forged.send(),
      await forged.send(signatureHeader(forged.body, generateSigningKey())),
      await forged.send(signatureHeader(forged.body, inngestKeys.signingKey, Date.now() - 10 * 60_000)),
      await forged.send(signatureHeader(`${forged.body} `, inngestKeys.signingKey)),
    ];
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    expect(await forged.attempts()).toBe(0);
    expect(receiver.requests).toEqual([]);

    // The same call signed with the executor's key runs: the refusals above are the signature's doing.
    const signed = await forged.send(signatureHeader(forged.body, inngestKeys.signingKey));
    expect(signed.status).toBe(206);
    expect(await forged.attempts()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
  });

  it("registers under APP_URL whatever Host a sync request names", async () => {
    await db.$executeRawUnsafe(
      `UPDATE inngest_local.apps SET url = 'http://stale.invalid/api/inngest' WHERE id = 'webhook-hub'`,
    );
    const route = new URL(engine.routeUrl);
    const status = await new Promise<number>((resolve, reject) => {
      const put = httpRequest(
        {
          host: route.hostname,
          port: route.port,
          path: route.pathname,
          method: "PUT",
          headers: { host: "attacker.example:8080" },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      put.on("error", reject).end();
    });
    expect(status).toBe(200);
    const registered = await db.$queryRawUnsafe<{ url: string }[]>(
      `SELECT url FROM inngest_local.apps WHERE id = 'webhook-hub'`,
    );
    expect(registered).toEqual([{ url: `${env.APP_URL}/api/inngest` }]);
    const runtimeUrls = await db.$queryRawUnsafe<{ url: string }[]>(
      `SELECT config #>> '{steps,step,runtime,url}' AS url FROM inngest_local.functions WHERE app_id = 'webhook-hub'`,
    );
    expect(runtimeUrls).toHaveLength(functions.length);
    for (const { url } of runtimeUrls) expect(url.startsWith(`${env.APP_URL}/api/inngest?`)).toBe(true);
  });
});
