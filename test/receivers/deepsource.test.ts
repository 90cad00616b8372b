import "@/test/engine-env";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSeedHub, type Customer, type SeedHub } from "@/test/receivers/hub";
import type { ReceivedRequest, Reply } from "@/test/receiver";

// A receiver written from DeepSource's webhook page (seed 002) alone: with API signing enabled,
// every request has an x-deepsource-signature header, the HMAC-SHA256 of the payload with the
// secret (lowercase hex); the event is {id, type, createdAt (UNIX timestamp), data: {object}},
// with additional fields depending on the event.
const deepsourceEvent = z.looseObject({
  id: z.string().min(1),
  type: z.string().min(1),
  createdAt: z.number().int().positive(),
  data: z.looseObject({ object: z.record(z.string(), z.unknown()) }),
});
type DeepSourceEvent = z.infer<typeof deepsourceEvent>;

function signatureMatches(secret: string, rawBody: string, signature: string | string[] | undefined): boolean {
  if (typeof signature !== "string") return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody).digest("hex"));
  const received = Buffer.from(signature);
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The customer's endpoint: with a secret, refuses anything whose signature does not match. */
function deepsourceEndpoint(initialSecret: string | null) {
  const events: Array<DeepSourceEvent & { signed: boolean }> = [];
  let secret = initialSecret;
  const handle = (request: ReceivedRequest): Reply => {
    const signature = request.headers["x-deepsource-signature"];
    if (secret !== null && !signatureMatches(secret, request.body, signature))
      return { status: 401, body: "signature mismatch" };
    const parsed = deepsourceEvent.safeParse(JSON.parse(request.body));
    if (!parsed.success) return { status: 400 };
    events.push({ ...parsed.data, signed: signature !== undefined });
    return { status: 200 };
  };
  const useSecret = (next: string) => {
    secret = next;
  };
  return { events, handle, useSecret };
}

const webhookSecret = "ds-signing-secret-7Qx2";
let hub: SeedHub;

beforeAll(async () => {
  hub = await startSeedHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** Team settings → Webhooks → Add a new endpoint, through the API. */
async function addEndpoint(customer: Customer, url: string, secret: string | null = webhookSecret) {
  const created = await customer.api.createWebhook({
    name: "DeepSource events",
    url,
    format: "deepsource",
    ...(secret ? { secret } : {}),
  });
  expect(created.status).toBe(201);
  expect(created.body.status).toBe("pending");
  await hub.engine.advance(0);
  return created.body.id as string;
}

const statusOf = async (customer: Customer, id: string) => (await customer.api.getWebhook(id)).body.status as string;

describe("a DeepSource receiver written from its documentation", () => {
  it("cannot be given a webhook secret shorter than 16 characters", async () => {
    const customer = await hub.customer();
    const refused = await customer.api.createWebhook({
      name: "short",
      url: "http://127.0.0.1:9/hook",
      format: "deepsource",
      secret: "fifteen-chars!!",
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: "secret" })]);
  });

  it("activates a new endpoint by a signed test event it answers 2xx, and gets the same test payload whenever tested again", async () => {
    const customer = await hub.customer();
    const endpoint = deepsourceEndpoint(webhookSecret);
    const webhookId = await addEndpoint(customer, (await hub.receiver(endpoint.handle)).url);
    expect(await statusOf(customer, webhookId)).toBe("active");
    expect(endpoint.events).toEqual([expect.objectContaining({ type: "test", data: { object: {} }, signed: true })]);

    const tested = await customer.api.refreshAvailability(webhookId);
    expect(tested.body).toMatchObject({ webhook: { status: "active" }, result: { success: true, status: 200 } });
    const [activation, again] = endpoint.events;
    expect({ type: again!.type, data: again!.data }).toEqual({ type: activation!.type, data: activation!.data });
  });

  it("stays pending while the endpoint refuses the test event's signature, and activates once it verifies", async () => {
    const customer = await hub.customer();
    const endpoint = deepsourceEndpoint("a-different-secret-typed-in");
    const webhookId = await addEndpoint(customer, (await hub.receiver(endpoint.handle)).url);
    expect(await statusOf(customer, webhookId)).toBe("pending");
    expect(endpoint.events).toEqual([]);

    endpoint.useSecret(webhookSecret);
    await customer.api.refreshAvailability(webhookId);
    expect(await statusOf(customer, webhookId)).toBe("active");
    expect(endpoint.events.map((event) => event.type)).toEqual(["test"]);
  });

  it("delivers each event signed as {id, type, createdAt, data.object}, with the event's additional fields beside them", async () => {
    const customer = await hub.customer();
    const endpoint = deepsourceEndpoint(webhookSecret);
    await addEndpoint(customer, (await hub.receiver(endpoint.handle)).url);
    const analysisRun = { runUid: "run-8f2a", status: "SUCCESS", commitOid: "c739069e", issuesRaised: 3 };

    const publishedFrom = Math.floor(Date.now() / 1000);
    await customer.publish({
      type: "analysis_run.updated",
      payload: analysisRun,
      properties: { repository: "acme/payments" },
    });
    await customer.publish({
      type: "analysis_run.updated",
      payload: { ...analysisRun, status: "FAILURE" },
      properties: { repository: "acme/payments" },
    });
    await hub.engine.advance(0);
    const publishedUntil = Math.ceil(Date.now() / 1000);

    const runs = endpoint.events.filter((event) => event.type === "analysis_run.updated");
    expect(runs.map((run) => run.data.object)).toEqual(
      expect.arrayContaining([analysisRun, { ...analysisRun, status: "FAILURE" }]),
    );
    for (const run of runs) {
      expect(run).toMatchObject({ signed: true, repository: "acme/payments" });
      expect(run.createdAt).toBeGreaterThanOrEqual(publishedFrom);
      expect(run.createdAt).toBeLessThanOrEqual(publishedUntil);
    }
    expect(new Set(runs.map((run) => run.id)).size).toBe(2);
  });

  it("sends no signature when API signing is not enabled", async () => {
    const customer = await hub.customer();
    const endpoint = deepsourceEndpoint(null);
    await addEndpoint(customer, (await hub.receiver(endpoint.handle)).url, null);
    await customer.publish({ type: "analysis_run.updated", payload: { runUid: "run-1" } });
    await hub.engine.advance(0);
    expect(endpoint.events.map((event) => [event.type, event.signed])).toEqual([
      ["test", false],
      ["analysis_run.updated", false],
    ]);
  });
});
