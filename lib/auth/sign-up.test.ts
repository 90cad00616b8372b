import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { signUp, signUpInput } from "@/lib/auth/sign-up";
import { db } from "@/lib/db";

const input = (email: string, orgName?: string) =>
  signUpInput.parse({ name: "Grace", email, password: "long-enough-pw", ...(orgName ? { orgName } : {}) });

describe("signUp", () => {
  it("creates the user with a hashed password and makes them owner of a new org", async () => {
    const { user, org } = await signUp(input("Grace@Example.com", "Hopper Inc"));
    expect(user.email).toBe("grace@example.com");
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword("long-enough-pw", stored.passwordHash!)).toBe(true);
    expect(org?.slug).toMatch(/^hopper-inc-[0-9a-f]{8}$/);
    const member = await db.member.findFirstOrThrow({ where: { userId: user.id } });
    expect(member).toMatchObject({ orgId: org?.id, role: "owner" });
  });

  it("creates no org for someone joining through an invitation", async () => {
    const { user, org } = await signUp(input("joiner@example.com"));
    expect(org).toBeNull();
    expect(await db.member.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a second account for the same email, in any letter case", async () => {
    await signUp(input("twice@example.com", "First"));
    await expect(signUp(input("TWICE@example.com", "Second"))).rejects.toMatchObject({ code: "conflict" });
    expect(await db.organization.count({ where: { name: "Second" } })).toBe(0);
  });

  it("rejects weak or malformed input before touching the database", () => {
    expect(signUpInput.safeParse({ name: "", email: "nope", password: "short" }).success).toBe(false);
    expect(signUpInput.safeParse({ name: "A", email: "a@example.com", password: "long-enough-pw", extra: 1 }).success).toBe(false);
  });
});
