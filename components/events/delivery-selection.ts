"use client";

import { useCallback, useMemo, useState } from "react";
import type { EventDelivery } from "@/components/events/queries";

/** The most deliveries one replay takes (the API's cap). */
export const maxSelected = 1_000;

/** A delivery picked for a replay, with what the confirmation and the event list say about it. */
export interface SelectedDelivery {
  id: string;
  eventId: string;
  status: "failed" | "succeeded";
}

/** A finished delivery can be sent again; one still on its way, or a test delivery, cannot. */
export const canReplay = (delivery: EventDelivery): delivery is EventDelivery & { status: "failed" | "succeeded" } =>
  !delivery.isTest && (delivery.status === "failed" || delivery.status === "succeeded");

/** The event log's picked deliveries, kept across the events a person opens until they are replayed or cleared. */
export function useDeliverySelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, SelectedDelivery>>(new Map());
  const toggle = useCallback((eventId: string, delivery: EventDelivery, on: boolean) => {
    if (!canReplay(delivery)) return;
    setSelected((current) => {
      const next = new Map(current);
      if (on && next.size < maxSelected) next.set(delivery.id, { id: delivery.id, eventId, status: delivery.status });
      if (!on) next.delete(delivery.id);
      return next;
    });
  }, []);
  const clear = useCallback(() => setSelected(new Map()), []);
  const perEvent = useMemo(() => {
    const counts = new Map<string, number>();
    for (const { eventId } of selected.values()) counts.set(eventId, (counts.get(eventId) ?? 0) + 1);
    return counts;
  }, [selected]);
  return { selected, toggle, clear, perEvent, full: selected.size >= maxSelected };
}

export type DeliverySelection = ReturnType<typeof useDeliverySelection>;
