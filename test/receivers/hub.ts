import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as historyRoute from "@/app/api/v1/webhooks/[id]/deliveries/route";
import * as refreshRoute from "@/app/api/v1/webhooks/[id]/refresh_availability_status/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[id]/route";
import * as testRoute from "@/app/api/v1/webhooks/test/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import { publishEvent } from "@/lib/events/publish";
import type { PublishEventInput } from "@/lib/events/schemas";
import { call } from "@/test/api";
import { startDeliveryEngine, type DeliveryEngine } from "@/test/delivery-engine";
import { addMember, createApiToken, createOrg, createProjectRow } from "@/test/factories";
import { startReceiver, type Receiver, type Reply, type ReceivedRequest } from "@/test/receiver";

/** One organization as a seed's customer sets it up: an API token, a rule owner, its projects. */
export interface Customer {
  orgId: string;
  owner: { memberId: string; email: string };
  api: ReturnType<typeof hubApi>;
  project: (key: string) => Promise<{ id: string; key: string }>;
  publish: (event: Partial<PublishEventInput> & { type: string }) => Promise<string>;
}

/** The real delivery engine on a virtual clock, plus receivers on loopback that the file closes at the end. */
export interface SeedHub {
  engine: DeliveryEngine;
  customer: () => Promise<Customer>;
  /** A real HTTP endpoint answering with the seed's receiver code. */
  receiver: (handle: (request: ReceivedRequest) => Reply) => Promise<Receiver>;
  stop: () => Promise<void>;
}

export async function startSeedHub(): Promise<SeedHub> {
  const engine = await startDeliveryEngine();
  const receivers: Receiver[] = [];
  return {
    engine,
    customer: () => newCustomer(),
    receiver: async (handle) => {
      const receiver = await startReceiver(engine.now, handle);
      receivers.push(receiver);
      return receiver;
    },
    stop: async () => {
      await engine.stop();
      await Promise.all(receivers.map((receiver) => receiver.close()));
    },
  };
}

async function newCustomer(): Promise<Customer> {
  const { org } = await createOrg();
  const { user, member } = await addMember(org.id, "admin");
  const { token } = await createApiToken(org.id, ["webhooks:write", "deliveries:write", "events:write"]);
  return {
    orgId: org.id,
    owner: { memberId: member.id, email: user.email },
    api: hubApi(token),
    project: async (key) => {
      const row = await createProjectRow(org.id, key);
      return { id: row.id, key: row.key };
    },
    publish: async (event) => (await publishEvent(org.id, { payload: {}, properties: {}, ...event })).id,
  };
}

/** The webhook endpoints of the REST API, called with the customer's bearer token. */
function hubApi(token: string) {
  const withId = (id: string) => ({ token, params: { id } });
  return {
    createWebhook: (body: Record<string, unknown>) =>
      call("POST", webhooksRoute.POST, "/api/v1/webhooks", { token, body }),
    getWebhook: (id: string) => call("GET", webhookRoute.GET, `/api/v1/webhooks/${id}`, withId(id)),
    patchWebhook: (id: string, body: Record<string, unknown>) =>
      call("PATCH", webhookRoute.PATCH, `/api/v1/webhooks/${id}`, { ...withId(id), body }),
    refreshAvailability: (id: string) =>
      call("POST", refreshRoute.POST, `/api/v1/webhooks/${id}/refresh_availability_status`, withId(id)),
    testUrl: (body: Record<string, unknown>) => call("POST", testRoute.POST, "/api/v1/webhooks/test", { token, body }),
    deliveries: (webhookId: string) =>
      call("GET", historyRoute.GET, `/api/v1/webhooks/${webhookId}/deliveries`, withId(webhookId)),
    delivery: (id: string) => call("GET", deliveryRoute.GET, `/api/v1/deliveries/${id}`, withId(id)),
  };
}
