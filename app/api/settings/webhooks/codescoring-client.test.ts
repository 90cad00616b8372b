import "@/test/engine-env";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/settings/webhooks/[[...path]]/route";
import { db } from "@/lib/db";
import { startSeedHub, type Customer, type SeedHub } from "@/test/receivers/hub";
import { proxy } from "@/proxy";
import { createApiToken } from "@/test/factories";
import type { ReceivedRequest, Reply } from "@/test/receiver";

const prefix = "/api/settings/webhooks";

/**
 * The app as Next.js serves it: proxy.ts first (it may rewrite or redirect), then the route file
 * matched by path, its catch-all segments as params. Redirects go back to the client untouched.
 */
async function serveApp(): Promise<{ origin: string; server: Server }> {
  const server = createServer((incoming, outgoing) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const url = new URL(incoming.url ?? "/", `http://${incoming.headers.host}`);
      const headers = new Headers(
        Object.entries(incoming.headers).flatMap(([name, value]) =>
          typeof value === "string" ? [[name, value] as [string, string]] : [],
        ),
      );
      const method = incoming.method ?? "GET";
      const request = new Request(url, { method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
      const proxied = proxy(new NextRequest(url, { method, headers }));
      let response: Response;
      if (proxied.status >= 300 && proxied.status < 400) response = proxied;
      else {
        const rewritten = proxied.headers.get("x-middleware-rewrite");
        const pathname = rewritten ? new URL(rewritten).pathname : url.pathname;
        const handler = route[method as keyof typeof route];
        if (pathname !== prefix && !pathname.startsWith(`${prefix}/`))
          response = new Response("Not found", { status: 404 });
        else if (!handler) response = new Response(null, { status: 405 });
        else {
          const path = pathname.slice(prefix.length).split("/").filter(Boolean);
          response = await handler(new Request(new URL(pathname + url.search, url), request), {
            params: Promise.resolve(path.length > 0 ? { path } : {}),
          });
        }
      }
      outgoing.statusCode = response.status;
      response.headers.forEach((value, name) => outgoing.setHeader(name, value));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * A client written from seed 000's API list alone: the nine calls at the seed's own paths, each
 * written with a trailing slash as the seed writes them (or without, to check both), JSON bodies
 * with the form's fields, and redirects never followed (a 3xx is a failure).
 */
function codescoringClient(origin: string, token: string, slash: boolean) {
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${prefix}${path}${slash ? "/" : ""}`.replace(/\/\/$/, "/"), {
      method,
      redirect: "manual",
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 300 && response.status < 400)
      throw new Error(`${method} ${path}: redirected (${response.status}) to ${response.headers.get("location")}`);
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a client reads whatever JSON comes back
      body: text ? (JSON.parse(text) as any) : null,
    };
  };
  return {
    list: () => send("GET", ""),
    create: (form: Record<string, unknown>) => send("POST", "", form),
    get: (id: string) => send("GET", `/${id}`),
    replace: (id: string, form: Record<string, unknown>) => send("PUT", `/${id}`, form),
    update: (id: string, form: Record<string, unknown>) => send("PATCH", `/${id}`, form),
    remove: (id: string) => send("DELETE", `/${id}`),
    refreshAvailabilityStatus: (id: string) => send("POST", `/${id}/refresh_availability_status`),
    test: (form: Record<string, unknown>) => send("POST", "/test", form),
    triggers: () => send("GET", "/triggers"),
  };
}

/** A receiver written from seed 000: the token in X-CodeScoring-Authentication, {"events": [...]}. */
function codescoringReceiver(token: string) {
  const received: Array<{ trigger: string; payload: unknown }[]> = [];
  const handle = (request: ReceivedRequest): Reply => {
    if (request.headers["x-codescoring-authentication"] !== token) return { status: 401 };
    const body = JSON.parse(request.body) as { events?: { created_at: string; trigger: string; payload: unknown }[] };
    if (
      !Array.isArray(body.events) ||
      body.events.some((event) => typeof event.created_at !== "string" || typeof event.trigger !== "string")
    )
      return { status: 400 };
    received.push(body.events.map(({ trigger, payload }) => ({ trigger, payload })));
    return { status: 200 };
  };
  return { received, handle };
}

let hub: SeedHub;
let app: { origin: string; server: Server };

beforeAll(async () => {
  hub = await startSeedHub();
  app = await serveApp();
});

afterAll(async () => {
  await hub?.stop();
  await new Promise((resolve) => app?.server.close(resolve));
});

async function customerWithToken(): Promise<{ customer: Customer; token: string }> {
  const customer = await hub.customer();
  const { token } = await createApiToken(customer.orgId, ["webhooks:write"]);
  return { customer, token };
}

describe.each([
  ["with the trailing slash, as seed 000 writes every path", true],
  ["without the trailing slash", false],
])("a CodeScoring API client %s", (_label, slash) => {
  it("lists triggers, tests a URL, creates, lists, gets, replaces, patches, refreshes and deletes a webhook", async () => {
    const { customer, token } = await customerWithToken();
    const project = await customer.project(`billing-${slash ? "s" : "n"}`);
    const client = codescoringClient(app.origin, token, slash);
    const endpoint = codescoringReceiver("cs-token");
    const receiver = await hub.receiver(endpoint.handle);

    const triggers = await client.triggers();
    expect(triggers.status).toBe(200);
    expect(triggers.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ trigger: "project_sca_analysis_finished" }),
        expect.objectContaining({ trigger: "test" }),
      ]),
    );

    // "Test it": the test trigger with an empty payload, in CodeScoring's format with the token.
    const tested = await client.test({ name: "SCA", url: receiver.url, projects: [], events: [], token: "cs-token" });
    expect(tested).toMatchObject({ status: 200, body: { success: true, status: 200 } });
    expect(endpoint.received.at(-1)).toEqual([{ trigger: "test", payload: {} }]);

    const created = await client.create({
      name: "SCA",
      url: receiver.url,
      projects: [project.id],
      events: ["project_sca_analysis_finished"],
      token: "cs-token",
    });
    expect(created.status).toBe(201);
    expect(created.contentType).toContain("application/json");
    expect(created.body).toMatchObject({
      name: "SCA",
      url: receiver.url,
      projects: [project.id],
      events: ["project_sca_analysis_finished"],
      has_token: true,
      is_active: true,
      status: "active",
    });
    expect(JSON.stringify(created.body)).not.toContain("cs-token");
    const id: string = created.body.id;
    // Always the CodeScoring format: batched within 5 s, CodeScoring's schedule.
    expect(await db.webhook.findUniqueOrThrow({ where: { id } })).toMatchObject({
      format: "codescoring",
      deliveryMode: "batched",
      retrySchedule: "codescoring",
    });

    expect((await client.list()).body.map((webhook: { id: string }) => webhook.id)).toEqual([id]);
    expect((await client.get(id)).body).toMatchObject({ id, name: "SCA" });

    const replaced = await client.replace(id, {
      name: "All SCA",
      url: receiver.url,
      events: ["project_sca_analysis_finished", "project_sca_analysis_failed"],
    });
    expect(replaced).toMatchObject({
      status: 200,
      body: {
        name: "All SCA",
        projects: [],
        events: ["project_sca_analysis_finished", "project_sca_analysis_failed"],
        has_token: true,
      },
    });
    const patched = await client.update(id, { projects: [project.key] });
    expect(patched).toMatchObject({ status: 200, body: { name: "All SCA", projects: [project.id] } });
    expect(await db.webhook.findUniqueOrThrow({ where: { id } })).toMatchObject({ format: "codescoring" });

    await customer.publish({ type: "project_sca_analysis_finished", project: project.key, payload: { project_id: 7 } });
    await hub.engine.advance(5000);
    expect(endpoint.received.at(-1)).toEqual([
      { trigger: "project_sca_analysis_finished", payload: { project_id: 7 } },
    ]);

    await db.webhook.update({ where: { id }, data: { status: "disabled", statusReason: "Every retry failed" } });
    const refreshed = await client.refreshAvailabilityStatus(id);
    expect(refreshed).toMatchObject({
      status: 200,
      body: { webhook: { id, status: "active", is_active: true }, result: { success: true, status: 200 } },
    });

    expect((await client.remove(id)).status).toBe(204);
    expect((await client.get(id)).status).toBe(404);
    expect((await client.list()).body).toEqual([]);
  });

  it("answers the API's JSON errors, never an HTML page: bad fields 422, unknown ids 404, no token 401", async () => {
    const { token } = await customerWithToken();
    const client = codescoringClient(app.origin, token, slash);
    const invalid = await client.create({ name: "x", url: "ftp://example.com", format: "standard" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("validation_failed");
    // Problems are named by CodeScoring's fields.
    const unknownEvent = await client.create({
      name: "x",
      url: "https://example.com/hook",
      events: ["no_such_trigger"],
    });
    expect(unknownEvent).toMatchObject({
      status: 422,
      body: { error: { details: [expect.objectContaining({ path: "events" })] } },
    });
    const unknownProject = await client.create({ name: "x", url: "https://example.com/hook", projects: ["nope"] });
    expect(unknownProject).toMatchObject({
      status: 422,
      body: { error: { details: [expect.objectContaining({ path: "projects" })] } },
    });
    const missing = await client.get("wh_doesnotexist");
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    const anonymous = codescoringClient(app.origin, "whk_not-a-token", slash);
    expect((await anonymous.list()).status).toBe(401);
  });
});

describe("the CodeScoring surface", () => {
  it("shows and touches only CodeScoring webhooks", async () => {
    const { customer, token } = await customerWithToken();
    const native = await customer.api.createWebhook({
      name: "Std",
      url: "https://example.com/hook",
      format: "standard",
    });
    const client = codescoringClient(app.origin, token, true);
    expect((await client.list()).body).toEqual([]);
    expect((await client.get(native.body.id)).status).toBe(404);
    expect((await client.remove(native.body.id)).status).toBe(404);
    expect(await db.webhook.count({ where: { id: native.body.id } })).toBe(1);
  });
});
