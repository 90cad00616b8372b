import { XIcon } from "lucide-react";
import {
  actionLabels,
  actorTypeLabels,
  actorValue,
  targetTypeLabels,
  parseAuditFilters,
} from "@/components/audit/filters";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { auditActions, auditActorTypes, auditTargetTypes, type AuditFilters as Filters } from "@/lib/audit/catalog";

/** A person or token that can be picked as the actor. */
export interface ActorOption {
  value: string;
  label: string;
}

const actionGroupLabels: Record<string, string> = {
  organization: "Organization",
  member: "Members",
  invitation: "Invitations",
  token: "API tokens",
  project: "Projects",
  portfolio: "Portfolios",
  event_type: "Triggers",
  webhook: "Webhooks",
};

/** The actions grouped by what they are about (`webhook.updated` under Webhooks), in the catalog's order. */
const actionGroups = [...new Set(auditActions.map((action) => action.split(".")[0]!))].map((prefix) => ({
  label: actionGroupLabels[prefix] ?? prefix,
  actions: auditActions.filter((action) => action.startsWith(`${prefix}.`)),
}));

export function AuditFilters({
  filters,
  members,
  tokens,
  onChange,
}: {
  filters: Filters;
  members: readonly ActorOption[];
  tokens: readonly ActorOption[];
  onChange: (next: Filters) => void;
}) {
  const actor = actorValue(filters);
  const known = [...auditActorTypes, ...members.map((option) => option.value), ...tokens.map((option) => option.value)];
  const filtered = Boolean(filters.actorType || filters.targetType || filters.action);
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <div className="grid w-full gap-1.5 sm:w-56">
        <Label htmlFor="audit-actor-filter">Who</Label>
        <Select
          id="audit-actor-filter"
          value={actor}
          onChange={(event) => {
            const { actorType, actorId } = parseAuditFilters({ actor: event.target.value });
            onChange({ targetType: filters.targetType, action: filters.action, actorType, actorId });
          }}
        >
          <option value="">Anyone</option>
          {actor && !known.includes(actor) ? <option value={actor}>The actor in the link</option> : null}
          {auditActorTypes.map((type) => (
            <option key={type} value={type}>
              {actorTypeLabels[type]}
            </option>
          ))}
          {members.length > 0 ? (
            <optgroup label="Members">
              {members.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          {tokens.length > 0 ? (
            <optgroup label="API tokens">
              {tokens.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </div>
      <div className="grid w-full gap-1.5 sm:w-48">
        <Label htmlFor="audit-object-filter">About</Label>
        <Select
          id="audit-object-filter"
          value={filters.targetType ?? ""}
          onChange={(event) =>
            onChange({ ...filters, targetType: parseAuditFilters({ object: event.target.value }).targetType })
          }
        >
          <option value="">Anything</option>
          {auditTargetTypes.map((type) => (
            <option key={type} value={type}>
              {targetTypeLabels[type]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid w-full gap-1.5 sm:w-64">
        <Label htmlFor="audit-action-filter">What happened</Label>
        <Select
          id="audit-action-filter"
          value={filters.action ?? ""}
          onChange={(event) =>
            onChange({ ...filters, action: parseAuditFilters({ action: event.target.value }).action })
          }
        >
          <option value="">Any action</option>
          {actionGroups.map(({ label, actions }) => (
            <optgroup key={label} label={label}>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {actionLabels[action]}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      {filtered ? (
        <Button variant="ghost" onClick={() => onChange({})}>
          <XIcon aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
