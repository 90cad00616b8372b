import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSecret, hmacSha256Hex, signStandard } from "@/lib/wire/signing";

const body = JSON.stringify({ type: "test", timestamp: "2026-01-01T00:00:00.000Z", data: { emoji: "✓" } });
const now = () => Math.floor(Date.now() / 1000);

function headersFor(signature: string, timestamp = now()) {
  return { "webhook-id": "dlv_1", "webhook-timestamp": String(timestamp), "webhook-signature": signature };
}

describe("Standard Webhooks signing", () => {
  it("signs so the official standardwebhooks package verifies", () => {
    const secret = generateSecret();
    const timestamp = now();
    const signature = signStandard({ secrets: [secret], msgId: "dlv_1", timestamp, body });
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headersFor(signature, timestamp))).toEqual(JSON.parse(body));
  });

  it("signs with both secrets during a rotation, so a receiver holding either verifies", () => {
    const [current, previous] = [generateSecret(), generateSecret()];
    const timestamp = now();
    const signature = signStandard({ secrets: [current, previous], msgId: "dlv_1", timestamp, body });
    expect(signature.split(" ")).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headersFor(signature, timestamp))).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headersFor(signature, timestamp))).not.toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, headersFor(signature, timestamp))).toThrow(
      "No matching signature",
    );
  });

  it("fails verification when the id, timestamp or body changed", () => {
    const secret = generateSecret();
    const timestamp = now();
    const signature = signStandard({ secrets: [secret], msgId: "dlv_1", timestamp, body });
    const receiver = new Webhook(secret);
    expect(() => receiver.verify(`${body} `, headersFor(signature, timestamp))).toThrow();
    expect(() => receiver.verify(body, { ...headersFor(signature, timestamp), "webhook-id": "dlv_2" })).toThrow();
    expect(() => receiver.verify(body, headersFor(signature, timestamp - 1))).toThrow();
  });

  it("uses a secret without the whsec_ prefix as raw bytes", () => {
    const timestamp = now();
    const signature = signStandard({ secrets: ["a plain secret of 24 chars"], msgId: "dlv_1", timestamp, body });
    expect(() =>
      new Webhook("a plain secret of 24 chars", { format: "raw" }).verify(body, headersFor(signature, timestamp)),
    ).not.toThrow();
  });

  it("skips secrets that cannot sign", () => {
    const secret = generateSecret();
    const signature = signStandard({
      secrets: ["whsec_not base64!", "", "whsec_", secret],
      msgId: "dlv_1",
      timestamp: now(),
      body,
    });
    expect(signature.split(" ")).toHaveLength(1);
    expect(signStandard({ secrets: [], msgId: "dlv_1", timestamp: now(), body })).toBe("");
  });

  it("generates whsec_ secrets of 24 random bytes", () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(generateSecret()).not.toBe(secret);
  });
});

describe("hex HMAC-SHA256 (DeepSource, SonarQube)", () => {
  it("matches RFC 4231 test case 2", () => {
    expect(hmacSha256Hex("Jefe", "what do ya want for nothing?")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });

  it("hashes the body's UTF-8 bytes, as openssl dgst -hmac does", () => {
    expect(hmacSha256Hex("my-secret-of-16-chars", '{"ok":"✓"}')).toBe(
      "927f541447c7ada89ffd4765bc5d85a4281b43b4834678746d8f4a94a8732b89",
    );
  });
});
