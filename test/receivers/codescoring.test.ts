import "@/test/engine-env";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSeedHub, type Customer, type SeedHub } from "@/test/receivers/hub";
import type { Receiver, ReceivedRequest, Reply } from "@/test/receiver";

// A receiver written from CodeScoring's "Connecting webhooks" page (seed 000) alone: a POST whose
// X-CodeScoring-Authentication header carries the configured token and whose body is
// {"events": [{"created_at": ISO-8601, "trigger": name, "payload": {...}}, ...]}.
const codescoringBody = z.strictObject({
  events: z
    .array(
      z.strictObject({
        created_at: z.iso.datetime({ offset: true }),
        trigger: z.string().min(1),
        payload: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1),
});
type CodeScoringEvent = z.infer<typeof codescoringBody>["events"][number];

const customerToken = "cs-shared-token-9f2c";

/** The customer's endpoint: authenticates by the token header, takes the events array, answers 2xx. */
function codescoringEndpoint(token: string, success = 200) {
  const batches: CodeScoringEvent[][] = [];
  const handle = (request: ReceivedRequest): Reply => {
    if (request.method !== "POST") return { status: 405 };
    if (request.headers["x-codescoring-authentication"] !== token) return { status: 401, body: "bad token" };
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return { status: 400, body: "not JSON" };
    }
    const parsed = codescoringBody.safeParse(json);
    if (!parsed.success) return { status: 400, body: parsed.error.message };
    batches.push(parsed.data.events);
    return { status: success };
  };
  return { batches, handle };
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
let hub: SeedHub;

beforeAll(async () => {
  hub = await startSeedHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** Settings → Webhooks → Setup new, through the API; activated by the test event the hub sends first. */
async function setUpWebhook(customer: Customer, receiver: Receiver, settings: Record<string, unknown> = {}) {
  const created = await customer.api.createWebhook({
    name: "Security feed",
    url: receiver.url,
    format: "codescoring",
    token: customerToken,
    ...settings,
  });
  expect(created.status).toBe(201);
  await hub.engine.advance(0);
  expect((await customer.api.getWebhook(created.body.id)).body.status).toBe("active");
  return created.body as { id: string; deliveryMode: string; batchWindowMs: number; retryPolicy: { schedule: string } };
}

const triggersOf = (batch: CodeScoringEvent[] | undefined) => batch?.map((event) => [event.trigger, event.payload]);
const arrivalGaps = (requests: ReceivedRequest[]) =>
  requests.slice(1).map((request, index) => request.at.getTime() - requests[index]!.at.getTime());

describe("a CodeScoring receiver written from its documentation", () => {
  it("gets the test trigger with an empty payload and the token when Test it is pressed, before anything is saved", async () => {
    const customer = await hub.customer();
    const endpoint = codescoringEndpoint(customerToken);
    const receiver = await hub.receiver(endpoint.handle);

    const tested = await customer.api.testUrl({ url: receiver.url, format: "codescoring", token: customerToken });
    expect(tested.body).toMatchObject({ success: true, status: 200 });
    expect(endpoint.batches).toEqual([[{ created_at: expect.any(String), trigger: "test", payload: {} }]]);

    const wrongToken = await customer.api.testUrl({ url: receiver.url, format: "codescoring", token: "someone-else" });
    expect(wrongToken.body).toMatchObject({ success: false, status: 401 });
  });

  it("receives only the selected projects' selected events, those of one 5-second window in one request", async () => {
    const customer = await hub.customer();
    const [payments, billing] = [await customer.project("payments"), await customer.project("billing")];
    const endpoint = codescoringEndpoint(customerToken);
    const receiver = await hub.receiver(endpoint.handle);
    const webhook = await setUpWebhook(customer, receiver, {
      projectIds: [payments.id],
      triggers: ["project_sca_analysis_finished", "project_sca_analysis_failed"],
    });
    expect(webhook).toMatchObject({
      deliveryMode: "batched",
      batchWindowMs: 5000,
      retryPolicy: { schedule: "codescoring" },
    });
    endpoint.batches.length = 0;

    await customer.publish({
      type: "project_sca_analysis_finished",
      project: payments.key,
      payload: { project_id: 1, project_name: "payments" },
    });
    await customer.publish({
      type: "project_sca_analysis_started",
      project: payments.key,
      payload: { project_id: 1, project_name: "payments" },
    });
    await customer.publish({
      type: "project_sca_analysis_finished",
      project: billing.key,
      payload: { project_id: 2, project_name: "billing" },
    });
    await hub.engine.advance(2 * second);
    await customer.publish({
      type: "project_sca_analysis_failed",
      project: payments.key,
      payload: { project_id: 1, project_name: "payments" },
    });
    await hub.engine.advance(2.5 * second);
    expect(endpoint.batches).toEqual([]);

    await hub.engine.advance(1 * second);
    expect(triggersOf(endpoint.batches[0])).toEqual([
      ["project_sca_analysis_finished", { project_id: 1, project_name: "payments" }],
      ["project_sca_analysis_failed", { project_id: 1, project_name: "payments" }],
    ]);
    const [finished, failed] = endpoint.batches[0]!;
    expect(Date.parse(failed!.created_at) - Date.parse(finished!.created_at)).toBeGreaterThanOrEqual(0);

    await hub.engine.advance(hour);
    expect(endpoint.batches).toHaveLength(1);
  });

  it("with no projects and no events selected, receives every event of every project", async () => {
    const customer = await hub.customer();
    const [payments, billing] = [await customer.project("payments"), await customer.project("billing")];
    const endpoint = codescoringEndpoint(customerToken);
    await setUpWebhook(customer, await hub.receiver(endpoint.handle));
    endpoint.batches.length = 0;

    await customer.publish({ type: "clones_analysis_finished", project: payments.key, payload: { project_id: 1 } });
    await customer.publish({ type: "cloning_of_repository_failed", project: billing.key, payload: { project_id: 2 } });
    await customer.publish({ type: "authors_analysis_started", payload: { project_id: 3 } });
    await hub.engine.advance(5 * second);
    expect(triggersOf(endpoint.batches[0])).toEqual([
      ["clones_analysis_finished", { project_id: 1 }],
      ["cloning_of_repository_failed", { project_id: 2 }],
      ["authors_analysis_started", { project_id: 3 }],
    ]);
  });

  it("after an answer outside [200; 299], gets every unsuccessful event again in one request a minute later, with the new ones", async () => {
    const customer = await hub.customer();
    const endpoint = codescoringEndpoint(customerToken, 299);
    const receiver = await hub.receiver(endpoint.handle);
    await setUpWebhook(customer, receiver);
    endpoint.batches.length = 0;

    receiver.answer(() => ({ status: 300, body: "moved, sort of" }));
    await customer.publish({ type: "project_sca_analysis_finished", payload: { n: 1 } });
    await customer.publish({ type: "project_sca_analysis_finished", payload: { n: 2 } });
    await hub.engine.advance(5 * second);
    const failedAt = receiver.requests.at(-1)!.at.getTime();

    await customer.publish({ type: "project_sca_analysis_failed", payload: { n: 3 } });
    receiver.answer(endpoint.handle);
    await hub.engine.advance(minute);
    expect(receiver.requests.at(-1)!.at.getTime() - failedAt).toBe(minute);
    expect(endpoint.batches.map((batch) => batch.map((event) => event.payload.n))).toEqual([[1, 2, 3]]);

    // 299 is inside the success range: nothing is sent again.
    await hub.engine.advance(48 * hour);
    expect(endpoint.batches).toHaveLength(1);
  });

  it("while it keeps failing, is retried 1 min → 5 min → 30 min → 3 h → 12 h → 24 h → 48 h, then the webhook is disabled until its availability is refreshed", async () => {
    const customer = await hub.customer();
    const endpoint = codescoringEndpoint(customerToken);
    const receiver = await hub.receiver(endpoint.handle);
    const webhook = await setUpWebhook(customer, receiver);
    const before = receiver.requests.length;

    receiver.answer(() => ({ status: 500, body: "down" }));
    await customer.publish({ type: "project_sca_analysis_finished", payload: { n: 1 } });
    await hub.engine.advance(100 * hour);
    const tries = receiver.requests.slice(before);
    expect(arrivalGaps(tries)).toEqual([
      1 * minute,
      5 * minute,
      30 * minute,
      3 * hour,
      12 * hour,
      24 * hour,
      48 * hour,
    ]);
    expect((await customer.api.getWebhook(webhook.id)).body.status).toBe("disabled");

    await customer.publish({ type: "project_sca_analysis_finished", payload: { n: 2 } });
    await hub.engine.advance(hour);
    expect(receiver.requests.slice(before)).toHaveLength(tries.length);

    receiver.answer(endpoint.handle);
    const refreshed = await customer.api.refreshAvailability(webhook.id);
    expect(refreshed.body).toMatchObject({ webhook: { status: "active" }, result: { success: true } });
    await customer.publish({ type: "project_sca_analysis_finished", payload: { n: 3 } });
    await hub.engine.advance(5 * second);
    expect(endpoint.batches.at(-1)?.map((event) => event.payload)).toEqual([{ n: 3 }]);
  });
});
