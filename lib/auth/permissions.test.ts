import { describe, expect, it } from "vitest";
import { canAssignRole, roleCan, scopesAllow } from "@/lib/auth/permissions";

describe("roleCan", () => {
  it("lets viewers read but never write", () => {
    expect(roleCan("viewer", "projects:read")).toBe(true);
    expect(roleCan("viewer", "projects:write")).toBe(false);
    expect(roleCan("viewer", "webhooks:write")).toBe(false);
    expect(roleCan("viewer", "tokens:manage")).toBe(false);
  });

  it("lets members write resources but not administer the org", () => {
    expect(roleCan("member", "projects:write")).toBe(true);
    expect(roleCan("member", "tokens:manage")).toBe(false);
    expect(roleCan("member", "members:manage")).toBe(false);
  });

  it("lets owners and admins administer", () => {
    for (const role of ["owner", "admin"] as const) {
      expect(roleCan(role, "tokens:manage")).toBe(true);
      expect(roleCan(role, "members:manage")).toBe(true);
      expect(roleCan(role, "audit:read")).toBe(true);
    }
  });
});

describe("scopesAllow", () => {
  it("grants exactly the scopes held, with write implying read", () => {
    expect(scopesAllow(["projects:read"], "projects:read")).toBe(true);
    expect(scopesAllow(["projects:read"], "projects:write")).toBe(false);
    expect(scopesAllow(["projects:write"], "projects:read")).toBe(true);
    expect(scopesAllow(["webhooks:write"], "projects:read")).toBe(false);
    expect(scopesAllow([], "projects:read")).toBe(false);
  });

  it("never lets a scope string reach administrative permissions", () => {
    expect(scopesAllow(["tokens:manage"], "tokens:manage")).toBe(false);
    expect(scopesAllow(["members:manage", "org:manage"], "members:manage")).toBe(false);
    expect(scopesAllow(["projects:write"], "members:manage")).toBe(false);
  });
});

describe("canAssignRole", () => {
  it("reserves the owner role to owners", () => {
    expect(canAssignRole("owner", "owner")).toBe(true);
    expect(canAssignRole("admin", "owner")).toBe(false);
    expect(canAssignRole("admin", "admin")).toBe(true);
    expect(canAssignRole("member", "viewer")).toBe(false);
  });
});
