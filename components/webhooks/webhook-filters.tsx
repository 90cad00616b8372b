import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { webhookStatuses } from "@/components/webhooks/webhook-status-badge";
import type { Project } from "@/lib/projects/queries";
import type { WebhookFilters as Filters, WebhookStatus } from "@/lib/webhooks/queries";

const statuses = Object.keys(webhookStatuses) as WebhookStatus[];

export function WebhookFilters({
  filters,
  projects,
  onChange,
}: {
  filters: Filters;
  projects: readonly Project[];
  onChange: (next: Filters) => void;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <div className="grid grid-cols-1 gap-1.5">
        <Label htmlFor="webhook-status-filter">Status</Label>
        <Select
          id="webhook-status-filter"
          wrapperClassName="w-48"
          value={filters.status ?? ""}
          onChange={(event) =>
            onChange({ ...filters, status: (event.target.value || undefined) as WebhookStatus | undefined })
          }
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {webhookStatuses[status].label}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid grid-cols-1 gap-1.5">
        <Label htmlFor="webhook-project-filter">Project</Label>
        <Select
          id="webhook-project-filter"
          wrapperClassName="w-56"
          value={filters.projectId ?? ""}
          onChange={(event) => onChange({ ...filters, projectId: event.target.value || undefined })}
        >
          <option value="">Any project</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.key}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
