import { useState } from "react";
import { useController } from "react-hook-form";
import { groupBySource } from "@/components/triggers/sources";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { useWebhookForm } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import { fieldId, type WebhookFormValues } from "@/components/webhooks/form/form-schema";
import type { EventType } from "@/lib/event-types/queries";

export function TriggersSection({ catalog }: { catalog: readonly EventType[] | undefined }) {
  const { error } = useWebhookForm();
  const { field } = useController<WebhookFormValues, "triggers">({ name: "triggers" });
  const triggers = field.value;
  const [filter, setFilter] = useState("");
  const needle = filter.trim().toLowerCase();
  const shown = (catalog ?? []).filter(
    (type) => !needle || type.name.includes(needle) || type.description.toLowerCase().includes(needle),
  );
  const selected = new Set(triggers);

  function toggle(name: string, on: boolean) {
    field.onChange(on ? [...triggers, name] : triggers.filter((item) => item !== name));
  }

  return (
    <FormSection
      id="triggers"
      title="Triggers"
      description={
        triggers.length === 0
          ? "None checked: the webhook fires for all events."
          : `${triggers.length} selected: the webhook fires only for these.`
      }
    >
      <div className="flex items-center gap-3">
        <Input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Filter triggers"
          aria-label="Filter triggers"
          className="max-w-xs"
        />
        {triggers.length > 0 ? (
          <Button type="button" variant="ghost" size="sm" onClick={() => field.onChange([])}>
            Clear selection
          </Button>
        ) : null}
      </div>
      <div
        id={fieldId("triggers")}
        tabIndex={-1}
        role="group"
        aria-labelledby="triggers-title"
        aria-describedby={error("triggers") ? "triggers-error" : undefined}
        className="max-h-80 overflow-y-auto rounded-card-inner border border-zinc-200 p-3"
      >
        {catalog === undefined ? <p className="text-sm text-zinc-500">Loading the trigger catalog…</p> : null}
        {catalog !== undefined && shown.length === 0 ? (
          <p className="text-sm text-zinc-500">No trigger matches “{filter}”.</p>
        ) : null}
        {groupBySource(shown).map((group) => (
          <fieldset key={group.source} className="mb-4 grid gap-2 last:mb-0">
            <legend className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{group.label}</legend>
            {group.triggers.map((type) => (
              <Checkbox
                key={type.name}
                label={<span className="font-mono text-xs">{type.name}</span>}
                description={type.description || undefined}
                checked={selected.has(type.name)}
                onChange={(event) => toggle(type.name, event.target.checked)}
              />
            ))}
          </fieldset>
        ))}
      </div>
      {error("triggers") ? (
        <p id="triggers-error" role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error("triggers")}
        </p>
      ) : null}
    </FormSection>
  );
}
