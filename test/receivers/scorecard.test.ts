import "@/test/engine-env";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSeedHub, type Customer, type SeedHub } from "@/test/receivers/hub";
import type { ReceivedRequest, Reply } from "@/test/receiver";

// A receiver written from SecurityScorecard's webhook article (seed 001) alone: a POST with a JSON
// body carrying scorecard_id, domain, trigger (an object), execution_id (the same on every retry),
// created_at (the first attempt), retries (how many were made) and webhooks (earlier calls of the
// rule: URL and response). 20x is success; 40x and 50x are failures; 5 s time limit.
const scorecardBody = z.looseObject({
  scorecard_id: z.string().optional(),
  domain: z.string().optional(),
  trigger: z.record(z.string(), z.unknown()),
  execution_id: z.string().min(1),
  created_at: z.iso.datetime({ offset: true }),
  retries: z.number().int().min(0),
  webhooks: z.array(z.looseObject({ url: z.string() })),
});
type ScorecardExecution = z.infer<typeof scorecardBody> & { receivedAt: number };

/** The customer's endpoint: keeps every execution it is sent, answering as the test says. */
function scorecardEndpoint() {
  const executions: ScorecardExecution[] = [];
  let status = 200;
  const handle = (request: ReceivedRequest): Reply => {
    const parsed = scorecardBody.safeParse(JSON.parse(request.body));
    if (request.method !== "POST" || !parsed.success) return { status: 400 };
    executions.push({ ...parsed.data, receivedAt: Date.now() });
    return { status };
  };
  const of = (type: string) => executions.filter((execution) => execution.trigger.type === type);
  const answerWith = (next: number) => {
    status = next;
  };
  return { handle, of, answerWith };
}

const scoreChanged = {
  type: "scorecard.score_changed",
  payload: { scorecard_id: "sc-4711", domain: "example.com", previous_score: 88, score: 81 },
};
const minute = 60_000;
const hour = 60 * minute;
let hub: SeedHub;

beforeAll(async () => {
  hub = await startSeedHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** A rule: name, trigger, action "send web request" to the URL, owner. The URL answers the hub's test event first. */
async function createRule(customer: Customer, url: string, name = "Score dropped") {
  const created = await customer.api.createWebhook({
    name,
    url,
    format: "scorecard",
    triggers: [scoreChanged.type],
    ownerId: customer.owner.memberId,
  });
  expect(created.status).toBe(201);
  await hub.engine.advance(0);
  expect((await customer.api.getWebhook(created.body.id)).body.status).toBe("active");
  return created.body as { id: string; timeoutMs: number; retryPolicy: { schedule: string } };
}

/**
 * A receiver too slow for SecurityScorecard: it never answers the first try of an execution and
 * measures how long the hub waits before hanging up. Later tries get 200.
 */
async function endpointThatStalls() {
  const executions: ScorecardExecution[] = [];
  let reportWait: (ms: number) => void = () => {};
  const waited = new Promise<number>((resolve) => (reportWait = resolve));
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const execution = {
        ...scorecardBody.parse(JSON.parse(Buffer.concat(chunks).toString("utf8"))),
        receivedAt: Date.now(),
      };
      executions.push(execution);
      if (execution.trigger.type === scoreChanged.type && execution.retries === 0) {
        const arrived = performance.now();
        response.on("close", () => reportWait(performance.now() - arrived));
        return;
      }
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rules`,
    executions,
    waited,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("a SecurityScorecard receiver written from its documentation", () => {
  it("sees one execution across retries: same execution_id and created_at, retries counting up, the event's fields at the top level", async () => {
    const customer = await hub.customer();
    const endpoint = scorecardEndpoint();
    const receiver = await hub.receiver(endpoint.handle);
    const rule = await createRule(customer, receiver.url);
    expect(rule).toMatchObject({ timeoutMs: 5000, retryPolicy: { schedule: "scorecard" } });

    endpoint.answerWith(404);
    await customer.publish(scoreChanged);
    await hub.engine.advance(0);
    endpoint.answerWith(503);
    await hub.engine.advance(5 * minute);
    endpoint.answerWith(204);
    await hub.engine.advance(30 * minute);
    await hub.engine.advance(48 * hour);

    const tries = endpoint.of(scoreChanged.type);
    expect(tries.map((execution) => execution.retries)).toEqual([0, 1, 2]);
    expect(new Set(tries.map((execution) => execution.execution_id)).size).toBe(1);
    expect(new Set(tries.map((execution) => execution.created_at)).size).toBe(1);
    const [first] = tries;
    expect(first!.receivedAt - Date.parse(first!.created_at)).toBeGreaterThanOrEqual(0);
    expect(first!.receivedAt - Date.parse(first!.created_at)).toBeLessThan(5000);
    expect(first).toMatchObject({
      scorecard_id: "sc-4711",
      domain: "example.com",
      score: 81,
      trigger: { type: scoreChanged.type },
      webhooks: [],
    });

    await customer.publish(scoreChanged);
    await hub.engine.advance(0);
    const next = endpoint.of(scoreChanged.type).at(-1)!;
    expect(next.retries).toBe(0);
    expect(next.execution_id).not.toBe(first!.execution_id);
  });

  it("sees, in a rule's later web request, the URL and response of the earlier ones", async () => {
    const customer = await hub.customer();
    const ticketing = await hub.receiver(() => ({ status: 201, body: '{"ticket":"SEC-1"}' }));
    const endpoint = scorecardEndpoint();
    const chat = await hub.receiver(endpoint.handle);
    const created = await customer.api.createWebhook({
      name: "Ticket, then chat",
      url: ticketing.url,
      followUpUrls: [chat.url],
      format: "scorecard",
      triggers: [scoreChanged.type],
    });
    expect(created.status).toBe(201);
    await hub.engine.advance(0);

    await customer.publish(scoreChanged);
    await hub.engine.advance(0);
    const [execution] = endpoint.of(scoreChanged.type);
    expect(execution?.webhooks).toEqual([
      expect.objectContaining({ url: ticketing.url, response: { ticket: "SEC-1" } }),
    ]);
    expect(execution?.execution_id).toBe(JSON.parse(ticketing.requests.at(-1)!.body).execution_id);
  });

  it("counts a receiver slower than 5 seconds as failed: the hub hangs up at 5 s and retries the same execution", async () => {
    const customer = await hub.customer();
    const endpoint = await endpointThatStalls();
    try {
      await createRule(customer, endpoint.url);
      await customer.publish(scoreChanged);
      await hub.engine.advance(0);
      const waited = await endpoint.waited;
      expect(waited).toBeGreaterThan(4500);
      expect(waited).toBeLessThan(6000);

      await hub.engine.advance(5 * minute);
      const tries = endpoint.executions.filter((execution) => execution.trigger.type === scoreChanged.type);
      expect(tries.map((execution) => execution.retries)).toEqual([0, 1]);
      expect(tries[1]!.execution_id).toBe(tries[0]!.execution_id);
    } finally {
      await endpoint.close();
    }
  });

  it("is retried 5 times within 36 hours; then the rule owner gets the escalation email and the rule stays enabled", async () => {
    const customer = await hub.customer();
    const endpoint = scorecardEndpoint();
    const receiver = await hub.receiver(endpoint.handle);
    const rule = await createRule(customer, receiver.url, "Vendor score watch");
    const escalations = () =>
      hub.engine.mailbox.filter(
        (email) =>
          email.to.includes(customer.owner.email) && email.subject === "[Action Required] Failed Webhook Request",
      );

    endpoint.answerWith(502);
    await customer.publish(scoreChanged);
    await hub.engine.advance(35 * hour);
    const tries = endpoint.of(scoreChanged.type);
    expect(tries.map((execution) => execution.retries)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(new Set(tries.map((execution) => execution.execution_id)).size).toBe(1);
    expect(escalations()).toEqual([]);

    await hub.engine.advance(2 * hour);
    expect(escalations()).toHaveLength(1);
    expect(escalations()[0]!.text).toContain(
      "Your webhook requests for the Rule Vendor score watch have failed due to a network or destination server issue. We'll try again the next time a rule is triggered.",
    );
    const details = escalations()[0]!.text.split(/\r?\n/);
    expect(details).toEqual(
      expect.arrayContaining([
        "Failed Rule: Vendor score watch",
        `Webhook URL: ${receiver.url}`,
        "HTTP error: HTTP 502",
      ]),
    );

    expect((await customer.api.getWebhook(rule.id)).body.status).not.toBe("disabled");
    endpoint.answerWith(200);
    await customer.publish(scoreChanged);
    await hub.engine.advance(0);
    expect(endpoint.of(scoreChanged.type)).toHaveLength(7);
    expect(endpoint.of(scoreChanged.type).at(-1)).toMatchObject({ retries: 0 });
  });
});
