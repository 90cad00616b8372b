import { describe, expect, it } from "vitest";
import { actorValue, auditFiltersSearch, fieldLabel, parseAuditFilters } from "@/components/audit/filters";

describe("the audit page's filters in the URL", () => {
  it("reads who, what about and which action", () => {
    expect(parseAuditFilters({ actor: "token:tok_abc", object: "webhook", action: "webhook.updated" })).toEqual({
      actorType: "token",
      actorId: "tok_abc",
      targetType: "webhook",
      action: "webhook.updated",
    });
    expect(parseAuditFilters({ actor: "system" })).toEqual({ actorType: "system" });
  });

  it("ignores what it does not know, instead of asking the API for it", () => {
    expect(
      parseAuditFilters({ actor: "robot:x", object: "planet", action: ["webhook.updated", "webhook.deleted"] }),
    ).toEqual({});
    expect(parseAuditFilters({ actor: "member:usr_1' OR 1=1" })).toEqual({ actorType: "member" });
    expect(parseAuditFilters({ actor: "system:usr_1" })).toEqual({ actorType: "system" });
  });

  it("writes them back, keeping other parameters and dropping cleared filters", () => {
    const filters = { actorType: "member", actorId: "usr_1", action: "project.updated" } as const;
    expect(actorValue(filters)).toBe("member:usr_1");
    const search = auditFiltersSearch("?object=webhook&tab=x", filters);
    expect(new URLSearchParams(search).toString()).toBe("tab=x&actor=member%3Ausr_1&action=project.updated");
    expect(parseAuditFilters(Object.fromEntries(new URLSearchParams(search)))).toEqual(filters);
    expect(auditFiltersSearch("?actor=system&action=webhook.created", {})).toBe("");
  });

  it("names changed fields for a person", () => {
    expect(fieldLabel("timeoutMs")).toBe("Timeout (ms)");
    expect(fieldLabel("disableOnGone")).toBe("Disable on gone");
  });
});
