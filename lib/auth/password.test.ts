import { describe, expect, it } from "vitest";
import { hashPassword, owaspCost, passwordCost, unknownUserHash, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("hashes at OWASP's cost (N=2^17, r=8, p=1) everywhere but the test suite", () => {
    expect(owaspCost).toEqual({ N: 131072, r: 8, p: 1 });
    for (const NODE_ENV of ["production", "development", undefined]) expect(passwordCost({ NODE_ENV })).toBe(owaspCost);
    expect(passwordCost({ NODE_ENV: "test" }).N).toBe(1024);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple", owaspCost);
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(stored).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", stored)).toBe(false);
  });

  it("verifies a hash at the cost it names", async () => {
    const stored = await hashPassword("cheap in tests", { N: 2 ** 10, r: 8, p: 1 });
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPassword("cheap in tests", stored)).toBe(true);
    expect(await verifyPassword("cheap in test", stored)).toBe(false);
  });

  it("checks an unknown address against a hash at OWASP's cost, which no password matches", async () => {
    expect(unknownUserHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword("", unknownUserHash)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
  });
});
