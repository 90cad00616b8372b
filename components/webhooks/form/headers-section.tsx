import { PlusIcon, TrashIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormSection } from "@/components/webhooks/form/form-section";
import { headerRow, type HeaderRow, type SectionProps } from "@/components/webhooks/form/form-state";

export function HeadersSection({ state, update, errors }: SectionProps) {
  const change = (key: number, patch: Partial<HeaderRow>) => update({ headers: state.headers.map((row) => (row.key === key ? { ...row, ...patch } : row)) });
  return (
    <FormSection
      id="headers"
      title="Extra headers"
      description="Sent with every request. The hub's own headers (signatures, Content-Type, Authorization…) cannot be overridden. A header whose name looks like a credential (…Key, …Token, …Secret, Cookie…) is stored encrypted and never shown again; enter it again to replace it."
    >
      {state.secretHeaderNames.length > 0 ? (
        <ul className="grid gap-1 text-sm" aria-label="Secret headers">
          {state.secretHeaderNames.map((name) => {
            const removed = state.removedSecretHeaders.includes(name);
            return (
              <li key={name} className="flex items-center gap-2">
                <span className={`font-mono ${removed ? "line-through text-zinc-400" : ""}`}>{name}</span>
                <span className="text-zinc-500">value hidden</span>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() =>
                    update({ removedSecretHeaders: removed ? state.removedSecretHeaders.filter((item) => item !== name) : [...state.removedSecretHeaders, name] })
                  }
                >
                  {removed ? "Keep" : "Remove"}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {state.headers.length > 0 ? (
        <ul className="grid gap-2">
          {state.headers.map((row, index) => {
            const error = errors[`headers.${row.name.trim()}`];
            return (
              <li key={row.key} className="grid gap-1">
                <div className="flex items-center gap-2">
                  <Input
                    value={row.name}
                    onChange={(event) => change(row.key, { name: event.target.value })}
                    placeholder="X-Team"
                    aria-label={`Header ${index + 1} name`}
                    aria-invalid={error ? true : undefined}
                    className="font-mono"
                    spellCheck={false}
                  />
                  <Input
                    value={row.value}
                    onChange={(event) => change(row.key, { value: event.target.value })}
                    placeholder="value"
                    aria-label={`Header ${index + 1} value`}
                    className="font-mono"
                    spellCheck={false}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove header ${index + 1}`}
                    onClick={() => update({ headers: state.headers.filter((item) => item.key !== row.key) })}
                  >
                    <TrashIcon />
                  </Button>
                </div>
                {error ? (
                  <p role="alert" className="text-xs font-medium text-red-600">
                    {error}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {errors.headers ? (
        <p role="alert" className="text-xs font-medium text-red-600">
          {errors.headers}
        </p>
      ) : null}
      <div>
        <Button type="button" variant="secondary" size="sm" onClick={() => update({ headers: [...state.headers, headerRow()] })}>
          <PlusIcon /> Add header
        </Button>
      </div>
    </FormSection>
  );
}
