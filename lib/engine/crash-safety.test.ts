import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { roundSize } from "@/lib/engine/send-due";
import { createActiveWebhook, createApiToken, createOrg } from "@/test/factories";
import { startReceiver, type Receiver } from "@/test/receiver";
import { deliveryIdsCarrying } from "@/test/links";

const burst = 200;
const concurrency = 20;
const killAfterAccepted = 80;
const executorPort = 19_288 + Number(process.env.TEST_WORKER_SLOT ?? 0) + Number(process.env.TEST_PORT_OFFSET ?? 0);
const root = path.resolve(import.meta.dirname, "../..");

let receiver: Receiver;
let token: string;
let hub: ChildProcess | null = null;

/** Starts the hub process and resolves with its events URL once it prints "ready". */
function startHub(): Promise<{ process: ChildProcess; eventsUrl: string }> {
  const child = spawn("npx", ["tsx", "--import", "./scripts/server-only.mjs", "test/crash/hub-process.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, CRASH_EXECUTOR_PORT: String(executorPort) },
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready (\S+)/.exec(output);
      if (ready) resolve({ process: child, eventsUrl: ready[1]! });
    });
    child.on("exit", (code) => reject(new Error(`the hub process exited (${code}) before it was ready:\n${output}`)));
  });
}

const kill = (child: ChildProcess) => process.kill(-child.pid!, "SIGKILL");

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  receiver = await startReceiver();
  const { org } = await createOrg();
  ({ token } = await createApiToken(org.id, ["events:write"]));
  await createActiveWebhook(org.id, receiver.url, { format: "standard" });
});

afterAll(async () => {
  if (hub?.exitCode === null) kill(hub);
  await receiver?.close();
});

describe("crash safety", () => {
  it("delivers every event that got a 202 after the hub is killed mid-burst and restarted, with stable delivery ids", async () => {
    const first = await startHub();
    hub = first.process;
    const accepted = new Map<number, string>();
    let killedAt = Number.POSITIVE_INFINITY;
    const queue = Array.from({ length: burst }, (_, seq) => seq);
    const publishNext = async (): Promise<void> => {
      const seq = queue.shift();
      if (seq === undefined || Date.now() >= killedAt) return;
      try {
        const response = await fetch(first.eventsUrl, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ type: "test", payload: { seq } }),
        });
        if (response.status === 202) accepted.set(seq, ((await response.json()) as { id: string }).id);
      } catch {
        // The hub died mid-request: no 202, so no promise was made for this event.
      }
      if (accepted.size >= killAfterAccepted && killedAt === Number.POSITIVE_INFINITY) {
        killedAt = Date.now();
        kill(first.process);
      }
      return publishNext();
    };
    await Promise.all(Array.from({ length: concurrency }, publishNext));
    expect(killedAt).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(accepted.size).toBeGreaterThanOrEqual(killAfterAccepted);

    const second = await startHub();
    hub = second.process;
    const eventIds = [...accepted.values()];
    await waitFor(
      async () =>
        (await db.delivery.count({
          where: { status: "succeeded", id: { in: await deliveryIdsCarrying(eventIds) } },
        })) === eventIds.length,
      90_000,
      "every accepted event to be delivered",
    );

    const received = new Map<number, { deliveryIds: Set<string>; times: number[] }>();
    for (const request of receiver.requests) {
      const seq = (JSON.parse(request.body) as { data: { seq: number } }).data.seq;
      const entry = received.get(seq) ?? { deliveryIds: new Set<string>(), times: [] };
      entry.deliveryIds.add(String(request.headers["webhook-id"]));
      entry.times.push(request.at.getTime());
      received.set(seq, entry);
    }
    for (const seq of accepted.keys()) {
      const entry = received.get(seq);
      expect(entry, `event ${seq} was accepted but never delivered`).toBeDefined();
      expect(entry!.deliveryIds.size, `event ${seq} arrived under several delivery ids`).toBe(1);
    }
    // A second send is allowed only for a request the first hub sent before it died, in the round
    // that was in flight: a round records its attempts together, so the killed round's requests are
    // the only ones never recorded. So a resent delivery has exactly one copy more than its recorded
    // attempts, and a crash repeats at most one round.
    const resent = [...received.values()].filter((entry) => entry.times.length > 1);
    for (const entry of resent) {
      const [deliveryId] = [...entry.deliveryIds];
      const { attemptCount } = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
      expect(entry.times.length, `delivery ${deliveryId}: copies beyond the killed round's`).toBe(attemptCount + 1);
    }
    expect(resent.length).toBeLessThanOrEqual(roundSize);
  });
});
