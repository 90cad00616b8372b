import { describe, expect, it } from "vitest";
import {
  eventLogSearch,
  fromLocalInput,
  lookupFilter,
  parseEventFilters,
  toLocalInput,
} from "@/components/events/filters";

describe("the event log's filters in the URL", () => {
  it("reads every filter back from the query it writes, the open event apart", () => {
    const filters = {
      q: "ORD-1001",
      id: "evt_1",
      deliveryId: "dlv_2",
      type: "test",
      projectId: "prj_3",
      status: "failed" as const,
      from: "2026-11-29T08:00:00.000Z",
      to: "2026-11-30T08:00:00.000Z",
    };
    const search = eventLogSearch(filters, "evt_9");
    const params = new URLSearchParams(search);
    expect(parseEventFilters(params)).toEqual(filters);
    expect(params.get("event")).toBe("evt_9");
    expect(eventLogSearch({}, null)).toBe("");
  });

  it("leaves out what cannot be a filter: blanks, an unknown status, a date that is none", () => {
    const params = new URLSearchParams({ q: "  ", status: "lost", from: "yesterday", to: "2026-11-30T09:00:00+01:00" });
    expect(parseEventFilters(params)).toEqual({ to: "2026-11-30T08:00:00.000Z" });
  });

  it("takes a delivery id or an event id in one box, by its prefix", () => {
    expect(lookupFilter(" dlv_abc ")).toEqual({ deliveryId: "dlv_abc" });
    expect(lookupFilter("evt_abc")).toEqual({ id: "evt_abc" });
    expect(lookupFilter("  ")).toEqual({});
  });

  it("shows an instant in a datetime-local box and reads it back, to the minute", () => {
    const instant = "2026-11-30T08:15:00.000Z";
    expect(toLocalInput(instant)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(fromLocalInput(toLocalInput(instant))).toBe(instant);
    expect(fromLocalInput("")).toBeUndefined();
  });
});
