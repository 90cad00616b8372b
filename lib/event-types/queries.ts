import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { createEventTypeInput, EventTypeOutput } from "@/lib/event-types/event-types";

export type EventType = Json<EventTypeOutput>;
export type EventTypeInput = z.input<typeof createEventTypeInput>;

export const eventTypeKeys = {
  all: (org: OrgRef) => [org.id, "event-types"] as const,
};

/** The org's trigger catalog: built-in triggers plus its own custom ones. */
export function eventTypesQuery(org: OrgRef) {
  return queryOptions({
    queryKey: eventTypeKeys.all(org),
    queryFn: () => apiFetch<{ data: EventType[] }>(org.slug, "event-types"),
  });
}

const typePath = (name: string) => `event-types/${encodeURIComponent(name)}`;

export const eventTypeMutations = {
  create: (org: OrgRef, input: EventTypeInput) =>
    apiFetch<EventType>(org.slug, "event-types", { method: "POST", body: input }),
  update: (org: OrgRef, name: string, input: Omit<EventTypeInput, "name">) =>
    apiFetch<EventType>(org.slug, typePath(name), { method: "PATCH", body: input }),
  remove: (org: OrgRef, name: string) => apiFetch<void>(org.slug, typePath(name), { method: "DELETE" }),
};
