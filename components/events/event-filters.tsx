"use client";

import { SearchIcon } from "lucide-react";
import { useSyncExternalStore, type FormEvent } from "react";
import { deliveryStatuses } from "@/components/deliveries/delivery-status-badge";
import type { DeliveryStatus } from "@/components/deliveries/queries";
import {
  fromLocalInput,
  hasFilters,
  lookupFilter,
  toLocalInput,
  type EventFilters as Filters,
} from "@/components/events/filters";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { Project } from "@/lib/projects/queries";

const statuses = Object.keys(deliveryStatuses) as DeliveryStatus[];
const noSubscription = () => () => {};

/** False on the server and while hydrating: local times are written only where the browser's time zone is known. */
function useInBrowser() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function readForm(form: HTMLFormElement): Filters {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
  return {
    q: text("q"),
    ...lookupFilter(String(data.get("lookup") ?? "")),
    type: text("type"),
    projectId: text("projectId"),
    status: text("status") as DeliveryStatus | undefined,
    from: fromLocalInput(String(data.get("from") ?? "")),
    to: fromLocalInput(String(data.get("to") ?? "")),
  };
}

/**
 * The event log's search form. Text and times apply with Search (or Enter); a list choice applies
 * at once. The form is keyed by the filters it shows, so it resets when they change elsewhere
 * (Clear, the browser's back button).
 */
export function EventFilters({
  filters,
  eventTypes,
  projects,
  onChange,
}: {
  filters: Filters;
  eventTypes: readonly string[];
  projects: readonly Project[];
  onChange: (next: Filters) => void;
}) {
  const inBrowser = useInBrowser();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onChange(readForm(event.currentTarget));
  };
  const applyNow = (event: { currentTarget: HTMLSelectElement }) => event.currentTarget.form?.requestSubmit();
  // A filter from a shared link may name a type the catalog no longer lists: keep it choosable.
  const types = filters.type && !eventTypes.includes(filters.type) ? [filters.type, ...eventTypes] : eventTypes;

  return (
    <form
      role="search"
      aria-label="Search events"
      onSubmit={submit}
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field label="Text in the payload" className="sm:col-span-2">
        <Input
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="An order number, an email address…"
          maxLength={200}
        />
      </Field>
      <Field label="Event or delivery id" className="sm:col-span-2">
        <Input
          name="lookup"
          defaultValue={filters.deliveryId ?? filters.id ?? ""}
          placeholder="evt_… or dlv_…"
          maxLength={64}
          spellCheck={false}
          className="font-mono"
        />
      </Field>
      <Field label="Event type">
        <Select name="type" defaultValue={filters.type ?? ""} onChange={applyNow}>
          <option value="">Any type</option>
          {types.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Project">
        <Select name="projectId" defaultValue={filters.projectId ?? ""} onChange={applyNow}>
          <option value="">Any project</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.key}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Delivery status" hint="Events with at least one delivery in it.">
        <Select name="status" defaultValue={filters.status ?? ""} onChange={applyNow}>
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {deliveryStatuses[status].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Published from" hint="Your local time.">
        <Input
          key={inBrowser ? "local" : "server"}
          name="from"
          type="datetime-local"
          defaultValue={inBrowser ? toLocalInput(filters.from) : ""}
        />
      </Field>
      <Field label="Published before" hint="Your local time.">
        <Input
          key={inBrowser ? "local" : "server"}
          name="to"
          type="datetime-local"
          defaultValue={inBrowser ? toLocalInput(filters.to) : ""}
        />
      </Field>
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit">
          <SearchIcon /> Search
        </Button>
        {hasFilters(filters) ? (
          <Button type="button" variant="secondary" onClick={() => onChange({})}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
