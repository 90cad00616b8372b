import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as route from "@/app/api/auth/[...nextauth]/route";

const origin = "http://localhost:3000";
const form = { "content-type": "application/x-www-form-urlencoded" };

/** A body streamed in 64 KB chunks with no Content-Length, as a client that hides its size sends it. */
function streamed(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, totalBytes - sent)).fill(97);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

// Issue 11, item 12: /api/auth/* took a 20 MB body; it is capped like every other route.
describe("/api/auth/* request bodies", () => {
  it("refuses a 20 MB body with 413 in the API's error shape", async () => {
    const body = "a".repeat(20 * 1024 * 1024);
    const response = await route.POST(
      new NextRequest(`${origin}/api/auth/callback/credentials`, { method: "POST", headers: form, body }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: { code: "payload_too_large", message: expect.any(String), details: null },
    });
  });

  it("refuses a large body that does not declare its size, without reading all of it", async () => {
    const request = new NextRequest(`${origin}/api/auth/signin/email`, {
      method: "POST",
      headers: form,
      body: streamed(20 * 1024 * 1024),
      duplex: "half",
    } as ConstructorParameters<typeof NextRequest>[1]);
    expect((await route.POST(request)).status).toBe(413);
  });

  it("still serves ordinary requests", async () => {
    const csrf = await route.GET(new NextRequest(`${origin}/api/auth/csrf`));
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    const body = new URLSearchParams({ csrfToken, email: "nobody@example.com", password: "wrong", callbackUrl: "/" });
    const signIn = await route.POST(
      new NextRequest(`${origin}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { ...form, cookie },
        body,
      }),
    );
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toContain("error=CredentialsSignin");
  });
});
