import { randomBytes } from "node:crypto";
import { Pool } from "undici";
import type { DeliveryMode } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { attemptDelivery } from "@/lib/deliveries/attempt";
import { createPendingDeliveries } from "@/scripts/bench/delivery-fixtures";
import { runLoad, type Measurement } from "@/scripts/bench/load";
import { phase } from "@/scripts/bench/progress";
import type { CountingReceiver } from "@/scripts/bench/receiver";
import { createActiveWebhook, createOrg } from "@/test/factories";

export interface DeliveryRunOptions {
  mode: DeliveryMode;
  deliveries: number;
  eventsPerDelivery: number;
  concurrency: number;
}

export interface DeliveryResult extends DeliveryRunOptions {
  /** attemptDelivery: load, sign, POST, record the attempt, update delivery and webhook. */
  attempt: Measurement;
  /** The same request bodies POSTed with undici to the same receiver, nothing else. */
  ceiling: Measurement;
}

/** Deliveries attempted before measuring, so connection pools and the JIT are warm. */
const warmupDeliveries = 20;

async function attemptAll(label: string, ids: string[], concurrency: number, quiet = false) {
  return runLoad({
    label,
    total: ids.length,
    concurrency,
    quiet,
    send: async (index) => {
      const report = await attemptDelivery(ids[index]!, "scheduled");
      if (!report.success) throw new Error(`delivery ${ids[index]} ended ${report.status}`);
    },
  });
}

/** Every delivery of the run reached the receiver signed, and its successful attempt is on record. */
async function verifyDelivered(ids: string[], received: number, signed: number) {
  const recorded = await db.attempt.count({ where: { deliveryId: { in: ids }, success: true } });
  if (recorded !== ids.length || received !== ids.length || signed !== ids.length) {
    throw new Error(`${ids.length} deliveries attempted: ${received} requests received, ${signed} of them signed, ${recorded} successful attempts recorded.`);
  }
}

/** The bodies the hub sent, as recorded, POSTed again without the hub: the machine's ceiling. */
async function postRawBodies(receiverUrl: string, ids: string[], concurrency: number) {
  const attempts = await db.attempt.findMany({ where: { deliveryId: { in: ids } }, select: { requestBody: true } });
  const { origin, pathname } = new URL(receiverUrl);
  const pool = new Pool(origin, { connections: concurrency });
  const post = async (index: number) => {
    const response = await pool.request({ path: pathname, method: "POST", headers: { "content-type": "application/json" }, body: attempts[index]!.requestBody });
    await response.body.dump();
    if (response.statusCode !== 200) throw new Error(`the receiver answered ${response.statusCode}`);
  };
  try {
    await runLoad({ label: "warm-up", total: Math.min(warmupDeliveries, attempts.length), concurrency, send: post, quiet: true });
    return await runLoad({ label: "raw undici POST", total: attempts.length, concurrency, send: post });
  } finally {
    await pool.close();
  }
}

/**
 * Times the sender path in this process against a loopback receiver: pending deliveries (one event
 * each, or a batch each) attempted by attemptDelivery, then the same bodies as bare POSTs.
 */
export async function benchmarkDelivery(receiver: CountingReceiver, options: DeliveryRunOptions): Promise<DeliveryResult> {
  const { mode, deliveries, eventsPerDelivery, concurrency } = options;
  phase(`delivery (${mode}): ${deliveries} deliveries of ${eventsPerDelivery} event(s), ${concurrency} at once — creating them`);
  const { org } = await createOrg(`Bench delivery ${mode}`);
  const webhook = await createActiveWebhook(org.id, receiver.url, { deliveryMode: mode, batchMaxSize: eventsPerDelivery, secret: `whsec_${randomBytes(24).toString("base64")}` });
  const warmupIds = await createPendingDeliveries(org.id, webhook.id, warmupDeliveries, eventsPerDelivery);
  const ids = await createPendingDeliveries(org.id, webhook.id, deliveries, eventsPerDelivery);

  phase(`delivery (${mode}): attemptDelivery, then the same bodies as raw undici POSTs`);
  await attemptAll("warm-up", warmupIds, concurrency, true);
  const before = { received: receiver.received(), signed: receiver.signed() };
  const attempt = await attemptAll("attemptDelivery", ids, concurrency);
  await verifyDelivered(ids, receiver.received() - before.received, receiver.signed() - before.signed);
  const ceiling = await postRawBodies(receiver.url, ids, concurrency);
  return { ...options, attempt, ceiling };
}
