import { deliveryStatuses } from "@/components/deliveries/delivery-status-badge";
import type { DeliveryFilters as Filters, DeliveryStatus } from "@/components/deliveries/queries";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

const statuses = Object.keys(deliveryStatuses) as DeliveryStatus[];

export function DeliveryFilters({
  filters,
  eventTypes,
  onChange,
}: {
  filters: Filters;
  eventTypes: readonly string[];
  onChange: (next: Filters) => void;
}) {
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="grid grid-cols-1 gap-1.5">
        <Label htmlFor="delivery-status-filter">Status</Label>
        <Select
          id="delivery-status-filter"
          wrapperClassName="w-44"
          value={filters.status ?? ""}
          onChange={(event) =>
            onChange({ ...filters, status: (event.target.value || undefined) as DeliveryStatus | undefined })
          }
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {deliveryStatuses[status].label}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid grid-cols-1 gap-1.5">
        <Label htmlFor="delivery-event-filter">Event type</Label>
        <Select
          id="delivery-event-filter"
          wrapperClassName="w-64"
          value={filters.eventType ?? ""}
          onChange={(event) => onChange({ ...filters, eventType: event.target.value || undefined })}
        >
          <option value="">Any event type</option>
          {eventTypes.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
