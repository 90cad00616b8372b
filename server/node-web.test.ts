import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { directRoutes } from "@/server/direct-routes";
import { readBodyCapped, toWebRequest, writeWebResponse } from "@/server/node-web";
import { maxBatchBodyBytes } from "@/lib/events/publish-batch";
import { inngestLimits } from "@/tools/inngest-local/limits";

let server: Server | undefined;

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  cut: boolean;
}

/** A loopback server that turns each request into a web Request, as the production server does, and answers with `answer`. */
async function serve(maxBytes: number, answer: (request: Request) => Response = () => new Response(null)) {
  const seen: Seen[] = [];
  server = createServer((request, response) => {
    void (async () => {
      const { body, cut } = await readBodyCapped(request, maxBytes);
      const webRequest = toWebRequest(request, `http://${request.headers.host}`, body);
      seen.push({
        method: webRequest.method,
        url: webRequest.url,
        headers: Object.fromEntries(webRequest.headers),
        body: await webRequest.clone().text(),
        cut,
      });
      if (cut) response.setHeader("connection", "close");
      await writeWebResponse(answer(webRequest), response);
    })();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

describe("the production server's Node-to-web bridge", () => {
  it("hands the handler the method, URL, every header and the body byte for byte", async () => {
    const { url, seen } = await serve(1024);
    const body = JSON.stringify({ type: "test", payload: { text: "héllo ✓" } });
    await fetch(`${url}/api/v1/events/?dry=1`, {
      method: "POST",
      headers: [
        ["content-type", "application/json"],
        ["x-tag", "a"],
        ["x-tag", "b"],
      ],
      body,
    });
    expect(seen).toEqual([
      expect.objectContaining({
        method: "POST",
        url: `${url}/api/v1/events/?dry=1`,
        headers: expect.objectContaining({ "content-type": "application/json", "x-tag": "a, b" }),
        body,
        cut: false,
      }),
    ]);
  });

  it("stops reading one byte past the cap, so the handler sees an oversized body without the server holding it all", async () => {
    const { url, seen } = await serve(1000, () => new Response("too large", { status: 413 }));
    const response = await fetch(url, { method: "POST", body: "x".repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(seen.map(({ body, cut }) => ({ length: body.length, cut }))).toEqual([{ length: 1001, cut: true }]);
  });

  it("writes the handler's status, headers and body", async () => {
    const { url } = await serve(1024, () => {
      const headers = new Headers({ "content-type": "application/json", "x-request-id": "req_1" });
      headers.append("set-cookie", "a=1");
      headers.append("set-cookie", "b=2");
      return new Response(JSON.stringify({ id: "evt_1" }), { status: 202, headers });
    });
    const response = await fetch(url, { method: "POST", body: "{}" });
    expect(response.status).toBe(202);
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await response.json()).toEqual({ id: "evt_1" });
  });

  it("reads more of a body than each direct route's own limit, so the route, not the server, answers 413", () => {
    const cap = (path: string) => Math.min(...directRoutes.filter((r) => r.path === path).map((r) => r.maxBodyBytes));
    expect(cap("/api/v1/events")).toBeGreaterThan(maxBatchBodyBytes);
    expect(cap("/api/inngest")).toBeGreaterThan(inngestLimits.runStateBytes);
  });
});
