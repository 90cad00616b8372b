import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, newKeyRingEntry, parseKeyRing } from "@/lib/crypto/secrets";

const k1 = newKeyRingEntry("k1");
const k2 = newKeyRingEntry("k2");

describe("secrets at rest", () => {
  it("round-trips and never stores the plaintext", () => {
    const ring = parseKeyRing(k1);
    const stored = encryptSecret("whsec_supersecretvalue", ring);
    expect(stored).toMatch(/^v1\.k1\./);
    expect(stored).not.toContain("supersecret");
    expect(decryptSecret(stored, ring)).toBe("whsec_supersecretvalue");
  });

  it("uses a fresh IV each time", () => {
    const ring = parseKeyRing(k1);
    expect(encryptSecret("same", ring)).not.toBe(encryptSecret("same", ring));
  });

  it("decrypts old rows after a new key is added, and encrypts with the new key", () => {
    const old = encryptSecret("rotate me", parseKeyRing(k1));
    const rotated = parseKeyRing(`${k2},${k1}`);
    expect(decryptSecret(old, rotated)).toBe("rotate me");
    expect(encryptSecret("new", rotated)).toMatch(/^v1\.k2\./);
  });

  it("refuses tampered ciphertexts and unknown keys", () => {
    const ring = parseKeyRing(k1);
    const stored = encryptSecret("integrity", ring);
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([...parts.slice(0, 4), flipped.toString("base64url")].join("."), ring)).toThrow();
    expect(() => decryptSecret(stored, parseKeyRing(k2))).toThrow(/unknown format or key/);
  });

  it("rejects malformed key rings", () => {
    expect(() => parseKeyRing("k1:short")).toThrow(/32 bytes/);
    expect(() => parseKeyRing("bad id:" + Buffer.alloc(32).toString("base64"))).toThrow();
  });
});
