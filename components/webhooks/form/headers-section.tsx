import { useController, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PlusIcon, TrashIcon } from "lucide-react";
import { useWebhookForm } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import { fieldId, type WebhookFormValues } from "@/components/webhooks/form/form-schema";

function HeaderRowFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { field: name, fieldState } = useController<WebhookFormValues, `headers.${number}.name`>({
    name: `headers.${index}.name`,
  });
  const { field: value } = useController<WebhookFormValues, `headers.${number}.value`>({
    name: `headers.${index}.value`,
  });
  const error = fieldState.error?.message;
  const errorId = `${fieldId(name.name)}-error`;
  return (
    <li className="grid grid-cols-1 gap-1">
      <div className="flex items-center gap-2">
        <Input
          {...name}
          id={fieldId(name.name)}
          placeholder="X-Team"
          aria-label={`Header ${index + 1} name`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="font-mono"
          spellCheck={false}
        />
        <Input
          {...value}
          id={fieldId(value.name)}
          placeholder="value"
          aria-label={`Header ${index + 1} value`}
          className="font-mono"
          spellCheck={false}
        />
        <Button type="button" variant="ghost" size="sm" aria-label={`Remove header ${index + 1}`} onClick={onRemove}>
          <TrashIcon />
        </Button>
      </div>
      {error ? (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </li>
  );
}

export function HeadersSection({ secretHeaderNames }: { secretHeaderNames: readonly string[] }) {
  const { control, error } = useWebhookForm();
  const rows = useFieldArray({ control, name: "headers" });
  const { field: removed } = useController<WebhookFormValues, "removedSecretHeaders">({ name: "removedSecretHeaders" });
  return (
    <FormSection
      id="headers"
      title="Extra headers"
      description="Sent with every request. The hub's own headers (signatures, Content-Type, Authorization…) cannot be overridden. A header whose name looks like a credential (…Key, …Token, …Secret, Cookie…) is stored encrypted and never shown again; enter it again to replace it."
    >
      {/* What the error summary's "Extra headers" link focuses: the list as a whole. */}
      <div
        id={fieldId("headers.root")}
        tabIndex={-1}
        role="group"
        aria-labelledby="headers-title"
        className="grid grid-cols-1 gap-4"
      >
        {secretHeaderNames.length > 0 ? (
          <ul className="grid gap-1 text-sm" aria-label="Secret headers">
            {secretHeaderNames.map((name) => {
              const isRemoved = removed.value.includes(name);
              return (
                <li key={name} className="flex items-center gap-2">
                  <span className={`font-mono ${isRemoved ? "text-zinc-500 line-through" : ""}`}>{name}</span>
                  <span className="text-zinc-500">value hidden</span>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() =>
                      removed.onChange(
                        isRemoved ? removed.value.filter((item) => item !== name) : [...removed.value, name],
                      )
                    }
                  >
                    {isRemoved ? "Keep" : "Remove"}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : null}
        {rows.fields.length > 0 ? (
          <ul className="grid grid-cols-1 gap-2">
            {rows.fields.map((row, index) => (
              <HeaderRowFields key={row.id} index={index} onRemove={() => rows.remove(index)} />
            ))}
          </ul>
        ) : null}
        {error("headers.root") ? (
          <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
            {error("headers.root")}
          </p>
        ) : null}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() => rows.append({ name: "", value: "" }, { shouldFocus: false })}
          >
            <PlusIcon /> Add header
          </Button>
        </div>
      </div>
    </FormSection>
  );
}
