import { useController, useWatch } from "react-hook-form";
import type { WebhookFormat } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, useWebhookForm } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { WebhookFormValues } from "@/components/webhooks/form/form-schema";
import { presets } from "@/lib/webhooks/presets";

interface WriteOnlyProps {
  name: "secret" | "token";
  clearName: "clearSecret" | "clearToken";
  label: string;
  isSet: boolean;
  hint: string;
}

/**
 * A write-only setting: never prefilled; on edit, blank keeps the stored value and "Clear" removes it.
 * Clear is a button, not a checkbox, so the field's label stays the only control named after it.
 */
function WriteOnlyField({ name, clearName, label, isSet, hint }: WriteOnlyProps) {
  const { field: clearField } = useController<WebhookFormValues, "clearSecret" | "clearToken">({ name: clearName });
  const { setValue } = useWebhookForm();
  const clear = Boolean(clearField.value);
  const status = clear ? "Will be cleared when you save." : isSet ? "Set — leave blank to keep." : null;
  return (
    <div className="flex items-start gap-2">
      <FormField name={name} label={label} hint={status ? `${status} ${hint}` : hint} className="flex-1">
        {(field) => (
          <Input
            {...field}
            type="password"
            disabled={clear}
            autoComplete="new-password"
            spellCheck={false}
            className="font-mono"
            placeholder={isSet && !clear ? "••••••••" : undefined}
          />
        )}
      </FormField>
      {isSet ? (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          className="mt-7"
          aria-pressed={clear}
          onClick={() => {
            clearField.onChange(!clear);
            setValue(name, "");
          }}
        >
          {clear ? "Keep" : "Clear"}
        </Button>
      ) : null}
    </div>
  );
}

function secretHint(format: WebhookFormat, creating: boolean): string {
  const minimum = presets[format].minSecretLength;
  if (minimum > 1) return `${presets[format].label} needs at least ${minimum} characters.`;
  if (format === "standard" && creating)
    return "Leave blank and the hub generates a whsec_ secret, shown once after you save.";
  return "Used to sign each request's body.";
}

export function SecuritySection({
  secretSet,
  tokenSet,
  creating,
}: {
  secretSet: boolean;
  tokenSet: boolean;
  creating: boolean;
}) {
  const format = useWatch<WebhookFormValues, "format">({ name: "format" });
  return (
    <FormSection
      id="security"
      title="Security"
      description="Write-only: the hub stores these encrypted and never shows them again."
    >
      <WriteOnlyField
        name="secret"
        clearName="clearSecret"
        label="Signing secret"
        isSet={secretSet}
        hint={secretHint(format, creating)}
      />
      <WriteOnlyField
        name="token"
        clearName="clearToken"
        label="Token"
        isSet={tokenSet}
        hint={
          format === "codescoring" ? "Sent as X-CodeScoring-Authentication." : "Sent in a header with every request."
        }
      />
    </FormSection>
  );
}
