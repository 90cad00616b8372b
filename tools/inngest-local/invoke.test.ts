import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { callFunction, type FunctionCall } from "@/tools/inngest-local/invoke";
import { emptyRunState } from "@/tools/inngest-local/run-state";
import { generateSigningKey, hasValidSignature, signatureHeader } from "@/tools/inngest-local/signing";

const signingKey = generateSigningKey();

/** A loopback URL nobody listens on: a server's port, after the server closed. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api/inngest?fnId=app-fn&stepId=step`;
}

const call = (url: string): FunctionCall => ({
  url,
  runId: "run-1",
  event: { name: "test/event", data: {}, id: "evt-1", ts: 0 },
  state: emptyRunState(),
  stepId: null,
  maxAttempts: 4,
  timeoutMs: 5_000,
  stopSignal: new AbortController().signal,
  signingKey,
});

/** A stand-in app on loopback that answers every call with `answer`, signed with `answerKey` unless null. */
async function appAnswering(
  answer: (stepId: string | null) => { status: number; headers?: Record<string, string>; body: string },
  answerKey: string | null = signingKey,
) {
  const requests: { signed: boolean }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({
        signed: hasValidSignature(
          (request.headers["x-inngest-signature"] as string | undefined) ?? null,
          body,
          signingKey,
        ),
      });
      const {
        status,
        headers,
        body: text,
      } = answer(new URL(request.url ?? "/", "http://x").searchParams.get("stepId"));
      response.writeHead(status, {
        "content-type": "application/json",
        ...headers,
        ...(answerKey ? { "x-inngest-signature": signatureHeader(text, answerKey) } : {}),
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest?fnId=app-fn`,
    requests,
    close: () => server.close(),
  };
}

describe("callFunction", () => {
  it("reports an app that is not listening as unreachable", async () => {
    expect(await callFunction(call(await closedPortUrl()))).toEqual({ kind: "unreachable" });
  });

  it("reads errors the way the SDK marks them: no-retry header, Retry-After, body", async () => {
    const app = await appAnswering((stepId) => ({
      status: stepId === "retry" ? 500 : 400,
      headers: { "x-inngest-no-retry": String(stepId !== "retry"), "retry-after": "30" },
      body: JSON.stringify({ name: "Error", message: "broken" }),
    }));
    try {
      expect(await callFunction({ ...call(app.url), stepId: "retry" })).toEqual({
        kind: "error",
        error: { name: "Error", message: "broken" },
        retriable: true,
        retryAfter: "30",
      });
      expect(await callFunction({ ...call(app.url), stepId: "final" })).toMatchObject({
        kind: "error",
        retriable: false,
      });
    } finally {
      app.close();
    }
  });

  it("signs its calls and believes only answers signed with the same key", async () => {
    const completed = () => ({ status: 200, body: JSON.stringify("done") });
    const signedApp = await appAnswering(completed);
    const unsignedApp = await appAnswering(completed, null);
    const otherKeyApp = await appAnswering(completed, generateSigningKey());
    try {
      expect(await callFunction(call(signedApp.url))).toEqual({ kind: "completed", output: "done" });
      expect(signedApp.requests).toEqual([{ signed: true }]);
      for (const app of [unsignedApp, otherKeyApp]) {
        expect(await callFunction(call(app.url))).toMatchObject({
          kind: "error",
          retriable: true,
          error: { message: expect.stringMatching(/without a valid signature/) },
        });
      }
    } finally {
      for (const app of [signedApp, unsignedApp, otherKeyApp]) app.close();
    }
  });
});
