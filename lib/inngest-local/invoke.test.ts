import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { callFunction, type FunctionCall } from "@/lib/inngest-local/invoke";
import { emptyRunState } from "@/lib/inngest-local/run-state";

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
});

describe("callFunction", () => {
  it("reports an app that is not listening as unreachable", async () => {
    expect(await callFunction(call(await closedPortUrl()))).toEqual({ kind: "unreachable" });
  });

  it("reads errors the way the SDK marks them: no-retry header, Retry-After, body", async () => {
    const server = createServer((request, response) => {
      const retriable = new URL(request.url ?? "/", "http://x").searchParams.get("stepId") === "retry";
      response.writeHead(retriable ? 500 : 400, { "content-type": "application/json", "x-inngest-no-retry": String(!retriable), "retry-after": "30" });
      response.end(JSON.stringify({ name: "Error", message: "broken" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest?fnId=app-fn`;
    try {
      expect(await callFunction({ ...call(url), stepId: "retry" })).toEqual({ kind: "error", error: { name: "Error", message: "broken" }, retriable: true, retryAfter: "30" });
      expect(await callFunction({ ...call(url), stepId: "final" })).toMatchObject({ kind: "error", retriable: false });
    } finally {
      server.close();
    }
  });
});
