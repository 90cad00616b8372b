import type { ReactNode } from "react";
import type { EventType } from "@/lib/event-types/queries";

function Json({ label, value }: { label: string; value: Record<string, unknown> }) {
  return (
    <div className="grid grid-cols-1 gap-1">
      <p className="text-xs font-medium text-zinc-500">{label}</p>
      <pre className="max-h-72 overflow-auto rounded-card-inner bg-ink-950 p-3 font-mono text-xs leading-relaxed text-ink-100">
        {JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** One trigger: its name and description, with its example payload and schema behind a disclosure. */
export function TriggerItem({ trigger, actions }: { trigger: EventType; actions?: ReactNode }) {
  const hasDetails = trigger.examplePayload !== null || trigger.schema !== null;
  return (
    <li className="px-6 py-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <code className="font-mono text-sm font-medium text-zinc-900">{trigger.name}</code>
        <span className="text-sm text-zinc-600">{trigger.description}</span>
        {actions ? <span className="ml-auto flex gap-2">{actions}</span> : null}
      </div>
      {hasDetails ? (
        <details className="group mt-2">
          <summary className="cursor-pointer text-xs font-medium text-accent-700 select-none hover:text-accent-800">
            {trigger.schema ? "Example payload and schema" : "Example payload"}
            <span className="sr-only"> for {trigger.name}</span>
          </summary>
          <div className="mt-2 grid gap-3">
            {trigger.examplePayload ? <Json label="Example payload" value={trigger.examplePayload} /> : null}
            {trigger.schema ? <Json label="JSON Schema" value={trigger.schema} /> : null}
          </div>
        </details>
      ) : null}
    </li>
  );
}
