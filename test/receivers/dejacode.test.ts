import "@/test/engine-env";
import { timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSeedHub, type Customer, type SeedHub } from "@/test/receivers/hub";
import type { ReceivedRequest, Reply } from "@/test/receiver";

// A receiver written from DejaCode's webhook integration page (seed 004) alone: a POST with a JSON
// body of at least {"hook": {"uuid", "event", "target"}, "data": {...}}, the extra payload merged
// into it, and the extra headers added; as the page advises, it checks a shared token it had the
// webhook send in an extra header.
const dejacodeBody = z.looseObject({
  hook: z.strictObject({ uuid: z.uuid(), event: z.string().min(1), target: z.url() }),
  data: z.record(z.string(), z.unknown()),
});
type DejaCodeBody = z.infer<typeof dejacodeBody>;

const tokenHeader = "X-Hook-Token";
const sharedToken = "dc-2f9a1e7c5b";

function tokenMatches(received: string | string[] | undefined): boolean {
  if (typeof received !== "string" || received.length !== sharedToken.length) return false;
  return timingSafeEqual(Buffer.from(received), Buffer.from(sharedToken));
}

/** The customer's endpoint: refuses requests without the shared token, keeps the payloads of the others. */
function dejacodeEndpoint() {
  const payloads: DejaCodeBody[] = [];
  const handle = (request: ReceivedRequest): Reply => {
    if (request.method !== "POST") return { status: 405 };
    if (!tokenMatches(request.headers[tokenHeader.toLowerCase()])) return { status: 403 };
    const parsed = dejacodeBody.safeParse(JSON.parse(request.body));
    if (!parsed.success) return { status: 400, body: parsed.error.message };
    payloads.push(parsed.data);
    return { status: 200 };
  };
  const of = (event: string) => payloads.filter((payload) => payload.hook.event === event);
  return { payloads, of, handle };
}

// The seed's example request, as DejaCode's producer publishes it.
const vulnerabilityRequest = {
  api_url: "/api/v2/requests/fbc77986-06ff-4dbb-81c3-95cd36dbed66/",
  absolute_url: "/requests/fbc77986-06ff-4dbb-81c3-95cd36dbed66/",
  uuid: "fbc77986-06ff-4dbb-81c3-95cd36dbed66",
  title: "New vulnerability detected",
  request_template_name: "Address Vulnerabilities in Product Packages",
  status: "open",
  priority: "Urgent",
  assignee: "username",
  product_context: null,
  serialized_data: { "Product Team Contact": "contact email", "Need By Date": "", Notes: "" },
  is_private: false,
  cc_emails: [],
  created_date: "2025-08-14T13:48:26.909014+04:00",
  comments: [],
  dataspace: "Dataspace",
};

let hub: SeedHub;

beforeAll(async () => {
  hub = await startSeedHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** Administration → Webhooks → Add webhook: target URL, event, is active, extra payload, extra headers. */
async function addWebhook(customer: Customer, target: string, event: string) {
  const created = await customer.api.createWebhook({
    name: `on ${event}`,
    url: target,
    format: "dejacode",
    triggers: [event],
    extraPayload: { source: "dejacode-eu", team: { name: "security", oncall: true } },
    headers: { [tokenHeader]: sharedToken },
  });
  expect(created.status).toBe(201);
  await hub.engine.advance(0);
  expect((await customer.api.getWebhook(created.body.id)).body.status).toBe("active");
  return created.body.id as string;
}

describe("a DejaCode receiver written from its documentation", () => {
  it("gets {hook: {uuid, event, target}, data} with the extra payload merged in, through the extra header it checks", async () => {
    const customer = await hub.customer();
    const endpoint = dejacodeEndpoint();
    const target = `${(await hub.receiver(endpoint.handle)).url}/dejacode/`;
    const webhookId = await addWebhook(customer, target, "request.added");

    await customer.publish({ type: "request.added", payload: vulnerabilityRequest });
    await hub.engine.advance(0);
    const [received] = endpoint.of("request.added");
    expect(received).toEqual({
      hook: { uuid: expect.any(String), event: "request.added", target },
      data: vulnerabilityRequest,
      source: "dejacode-eu",
      team: { name: "security", oncall: true },
    });
    // The hub's id of the webhook is its UUID behind a type prefix.
    expect(`wh_${received!.hook.uuid.replaceAll("-", "")}`).toBe(webhookId);
  });

  it("is called only for the event its webhook was set up for, and gets what was held while inactive once active again", async () => {
    const customer = await hub.customer();
    const endpoint = dejacodeEndpoint();
    const receiver = await hub.receiver(endpoint.handle);
    const onComment = await addWebhook(customer, `${receiver.url}/comments`, "request_comment.added");
    await addWebhook(customer, `${receiver.url}/vulnerabilities`, "vulnerability.data_update");

    await customer.publish({ type: "request.added", payload: vulnerabilityRequest });
    await customer.publish({ type: "request.updated", payload: { ...vulnerabilityRequest, status: "closed" } });
    await customer.publish({
      type: "request_comment.added",
      payload: { request_uuid: vulnerabilityRequest.uuid, text: "Fixed in 2.4.1" },
    });
    await customer.publish({ type: "vulnerability.data_update", payload: { vulnerability_id: "VCID-1a2b-3c4d" } });
    await hub.engine.advance(0);
    const events = endpoint.payloads.filter((payload) => payload.hook.event !== "test");
    expect(events.map((payload) => [payload.hook.target, payload.hook.event]).sort()).toEqual([
      [`${receiver.url}/comments`, "request_comment.added"],
      [`${receiver.url}/vulnerabilities`, "vulnerability.data_update"],
    ]);

    expect((await customer.api.patchWebhook(onComment, { active: false })).body.status).toBe("paused");
    await customer.publish({ type: "request_comment.added", payload: { text: "while inactive" } });
    await hub.engine.advance(0);
    expect(endpoint.of("request_comment.added").map((payload) => payload.data.text)).toEqual(["Fixed in 2.4.1"]);
    expect((await customer.api.patchWebhook(onComment, { active: true })).body.status).toBe("active");
    await customer.publish({ type: "request_comment.added", payload: { text: "active again" } });
    await hub.engine.advance(0);
    expect(endpoint.of("request_comment.added").map((payload) => payload.data.text)).toEqual([
      "Fixed in 2.4.1",
      "while inactive",
      "active again",
    ]);
  });
});
