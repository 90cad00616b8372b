import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  generateSigningKey,
  hasValidSignature,
  registrationBearer,
  signatureHeader,
} from "@/tools/inngest-local/signing";

describe("signing", () => {
  it("writes canonical JSON: keys sorted by code unit at every level, integer-like keys included", () => {
    expect(canonicalJson({ b: 1, a: [{ "10": true, "2": null, z: undefined }], c: "x" })).toBe(
      '{"a":[{"10":true,"2":null}],"b":1,"c":"x"}',
    );
    expect(canonicalJson([undefined, "é"])).toBe('[null,"é"]');
  });

  it("accepts its own signature and refuses another body, another key, or a time more than five minutes away", () => {
    const key = generateSigningKey();
    const now = Date.UTC(2026, 0, 1);
    const header = signatureHeader('{"a":1}', key, now);
    expect(header).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
    expect(hasValidSignature(header, '{"a":1}', key, now + 60_000)).toBe(true);
    expect(hasValidSignature(header, '{"a":2}', key, now)).toBe(false);
    expect(hasValidSignature(header, '{"a":1}', generateSigningKey(), now)).toBe(false);
    expect(hasValidSignature(header, '{"a":1}', key, now + 6 * 60_000)).toBe(false);
    expect(hasValidSignature(null, '{"a":1}', key, now)).toBe(false);
    expect(hasValidSignature("t=abc&s=00", '{"a":1}', key, now)).toBe(false);
  });

  it("signs with the key without its signkey-<env>- prefix, as the SDK does", () => {
    const hex = "ab".repeat(32);
    const now = Date.UTC(2026, 0, 1);
    expect(signatureHeader("body", `signkey-prod-${hex}`, now)).toBe(signatureHeader("body", hex, now));
  });

  it("derives the registration bearer the SDK sends: the prefix, then SHA-256 of the hex-decoded key", () => {
    // sha256 of the 32 bytes 0x00…00
    expect(registrationBearer(`signkey-test-${"00".repeat(32)}`)).toBe(
      "signkey-test-66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925",
    );
  });
});
