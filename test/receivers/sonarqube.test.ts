import "@/test/engine-env";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSeedHub, type Customer, type SeedHub } from "@/test/receivers/hub";
import type { ReceivedRequest, Reply } from "@/test/receiver";

// A receiver written from SonarQube's webhooks page (seed 003) alone: a POST of UTF-8 JSON, the
// project key in X-SonarQube-Project, with a secret the lowercase hex HMAC-SHA256 of the body in
// X-Sonar-Webhook-HMAC-SHA256 (payloads that do not match are ignored), Basic auth from the
// user/password in the webhook's URL, and the scanner's sonar.analysis.* under "properties".
const analysisPayload = z.looseObject({
  taskId: z.string(),
  status: z.string(),
  project: z.looseObject({ key: z.string(), name: z.string() }),
  properties: z.record(z.string(), z.string()),
  qualityGate: z.looseObject({ name: z.string(), status: z.string(), conditions: z.array(z.unknown()) }),
});

interface ReceivedAnalysis {
  path: string;
  projectHeader: string | undefined;
  body: Record<string, unknown>;
}

const login = "ci-bot";
const password = "p@ss w0rd:42";
const secret = "sonar-webhook-secret";

function hmacMatches(rawBody: string, received: string | string[] | undefined): boolean {
  if (typeof received !== "string") return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(rawBody, "utf8").digest("hex"));
  return expected.length === received.length && timingSafeEqual(expected, Buffer.from(received));
}

/** The customer's endpoint: Basic auth, UTF-8 JSON, a matching signature; anything but an analysis is acknowledged and dropped. */
function sonarqubeEndpoint() {
  const analyses: ReceivedAnalysis[] = [];
  const handle = (request: ReceivedRequest): Reply => {
    if (request.method !== "POST") return { status: 405 };
    if (request.headers.authorization !== `Basic ${Buffer.from(`${login}:${password}`).toString("base64")}`)
      return { status: 401 };
    if (!/^application\/json;\s*charset=utf-8$/i.test(request.headers["content-type"] ?? "")) return { status: 415 };
    if (!hmacMatches(request.body, request.headers["x-sonar-webhook-hmac-sha256"]))
      return { status: 403, body: "signature mismatch: ignored" };
    const body = JSON.parse(request.body) as Record<string, unknown>;
    if (!analysisPayload.safeParse(body).success) return { status: 200, body: "not an analysis: nothing to do" };
    const project = request.headers["x-sonarqube-project"];
    analyses.push({ path: request.path, projectHeader: typeof project === "string" ? project : undefined, body });
    return { status: 200 };
  };
  return { analyses, handle };
}

// The seed's example payload, as a SonarQube producer would publish it.
const analysis = {
  serverUrl: "http://localhost:9000",
  taskId: "AVh21JS2JepAEhwQ-b3u",
  status: "SUCCESS",
  analysedAt: "2016-11-18T10:46:28+0100",
  revision: "c739069ec7105e01303e8b3065a81141aad9f129",
  project: { key: "myproject", name: "My Project", url: "https://mycompany.com/sonarqube/dashboard?id=myproject" },
  properties: {},
  qualityGate: {
    conditions: [
      {
        errorThreshold: "1",
        metric: "new_security_rating",
        onLeakPeriod: true,
        operator: "GREATER_THAN",
        status: "OK",
        value: "1",
      },
      { errorThreshold: "80", metric: "new_coverage", onLeakPeriod: true, operator: "LESS_THAN", status: "NO_VALUE" },
    ],
    name: "SonarQube way",
    status: "OK",
  },
};
const publishAnalysis = (customer: Customer) =>
  customer.publish({
    type: "analysis.completed",
    project: "myproject",
    payload: analysis,
    properties: { "sonar.analysis.buildNumber": "12345" },
  });

let hub: SeedHub;

beforeAll(async () => {
  hub = await startSeedHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** `http://127.0.0.1:port/path` with SonarQube's `login:password@` in it, password percent-encoded as URLs require. */
function withCredentials(url: string, path: string) {
  const target = new URL(path, url);
  target.username = login;
  target.password = encodeURIComponent(password);
  return target.toString();
}

describe("a SonarQube receiver written from its documentation", () => {
  it("gets the analysis with its project key, a valid HMAC, Basic auth from the URL and the scanner's properties", async () => {
    const customer = await hub.customer();
    const project = await customer.project("myproject");
    const endpoint = sonarqubeEndpoint();
    const receiver = await hub.receiver(endpoint.handle);

    const created = await customer.api.createWebhook({
      name: "Jenkins",
      url: withCredentials(receiver.url, "/sonarqube-webhook/"),
      format: "sonarqube",
      scope: "project",
      projectId: project.id,
      secret,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: new URL("/sonarqube-webhook/", receiver.url).toString(),
      basicAuthSet: true,
      timeoutMs: 10_000,
    });
    expect(JSON.stringify(created.body)).not.toContain(login);
    await hub.engine.advance(0);
    expect((await customer.api.getWebhook(created.body.id)).body.status).toBe("active");

    await publishAnalysis(customer);
    await hub.engine.advance(0);
    expect(endpoint.analyses).toEqual([
      {
        path: "/sonarqube-webhook/",
        projectHeader: "myproject",
        body: { ...analysis, properties: { "sonar.analysis.buildNumber": "12345" } },
      },
    ]);

    const history = await customer.api.deliveries(created.body.id);
    const latest = history.body.data[0];
    expect(latest).toMatchObject({
      status: "succeeded",
      eventTypes: ["analysis.completed"],
      lastResponseStatus: 200,
      lastAttemptAt: expect.any(String),
    });
    const detail = await customer.api.delivery(latest.id);
    expect(JSON.parse(detail.body.attempts[0].requestBody)).toMatchObject({ taskId: analysis.taskId });
    expect(JSON.stringify(detail.body.attempts[0].requestHeaders)).not.toContain(
      Buffer.from(`${login}:${password}`).toString("base64"),
    );
  });

  it("is called by all 10 project-level and all 10 global webhooks for one analysis", async () => {
    const customer = await hub.customer();
    const project = await customer.project("myproject");
    const endpoint = sonarqubeEndpoint();
    const receiver = await hub.receiver(endpoint.handle);
    const create = (path: string, level: Record<string, unknown>) =>
      customer.api.createWebhook({
        name: path,
        url: withCredentials(receiver.url, path),
        format: "sonarqube",
        secret,
        ...level,
      });

    for (let n = 1; n <= 10; n++) {
      expect((await create(`/project/${n}`, { scope: "project", projectId: project.id })).status).toBe(201);
      expect((await create(`/global/${n}`, { scope: "org" })).status).toBe(201);
    }
    expect((await create("/project/11", { scope: "project", projectId: project.id })).body.error.code).toBe(
      "limit_reached",
    );
    expect((await create("/global/11", { scope: "org" })).body.error.code).toBe("limit_reached");
    await hub.engine.advance(0);

    await publishAnalysis(customer);
    await hub.engine.advance(0);
    const paths = endpoint.analyses.map((received) => received.path).sort();
    expect(paths).toEqual(
      [
        ...Array.from({ length: 10 }, (_, n) => `/global/${n + 1}`),
        ...Array.from({ length: 10 }, (_, n) => `/project/${n + 1}`),
      ].sort(),
    );
    expect(new Set(endpoint.analyses.map((received) => received.projectHeader))).toEqual(new Set(["myproject"]));
  });
});

/**
 * Stricter still, as a SonarQube integration that trusts the documentation: a request without
 * X-SonarQube-Project, or whose body is not an analysis of that project, is a bad request.
 */
function strictSonarqubeEndpoint() {
  const analyses: ReceivedAnalysis[] = [];
  const handle = (request: ReceivedRequest): Reply => {
    const project = request.headers["x-sonarqube-project"];
    if (typeof project !== "string" || project === "") return { status: 400, body: "X-SonarQube-Project is missing" };
    const parsed = analysisPayload.safeParse(JSON.parse(request.body));
    if (!parsed.success || parsed.data.project.key !== project)
      return { status: 400, body: "not an analysis of that project" };
    analyses.push({ path: request.path, projectHeader: project, body: parsed.data });
    return { status: 200 };
  };
  return { analyses, handle };
}

describe("a global (org-level) SonarQube webhook", () => {
  it("activates on a test event a strict SonarQube receiver accepts, then delivers analyses", async () => {
    const customer = await hub.customer();
    await customer.project("myproject");
    const endpoint = strictSonarqubeEndpoint();
    const receiver = await hub.receiver(endpoint.handle);

    // Activation is off for SonarQube by default; turned on, the test event must still pass.
    const created = await customer.api.createWebhook({
      name: "Global",
      url: new URL("/global", receiver.url).toString(),
      format: "sonarqube",
      scope: "org",
      activationRequired: true,
    });
    expect(created.body).toMatchObject({ status: "pending", activationRequired: true });
    await hub.engine.advance(0);
    expect((await customer.api.getWebhook(created.body.id)).body.status).toBe("active");
    expect(endpoint.analyses).toHaveLength(1);
    expect(endpoint.analyses[0]).toMatchObject({
      projectHeader: "webhook-hub-test",
      body: { status: "SUCCESS", qualityGate: { status: "OK" } },
    });

    const refreshed = await customer.api.refreshAvailability(created.body.id);
    expect(refreshed.body).toMatchObject({ result: { success: true, status: 200 } });

    await publishAnalysis(customer);
    await hub.engine.advance(0);
    expect(endpoint.analyses.at(-1)).toMatchObject({
      projectHeader: "myproject",
      body: { taskId: analysis.taskId, properties: { "sonar.analysis.buildNumber": "12345" } },
    });
  });

  it("is active from the moment it is saved by default, as in SonarQube", async () => {
    const customer = await hub.customer();
    const receiver = await hub.receiver(strictSonarqubeEndpoint().handle);
    const created = await customer.api.createWebhook({ name: "Global", url: receiver.url, format: "sonarqube" });
    expect(created.body).toMatchObject({ status: "active", activationRequired: false, disableOnGone: false });
  });
});
