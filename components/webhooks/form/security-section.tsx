import type { WebhookFormat } from "@/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { SectionProps } from "@/components/webhooks/form/form-state";
import { presets } from "@/lib/webhooks/presets";

interface WriteOnlyProps {
  label: string;
  isSet: boolean;
  value: string;
  clear: boolean;
  error?: string;
  hint: string;
  onValue: (value: string) => void;
  onClear: (clear: boolean) => void;
}

/**
 * A write-only setting: never prefilled; on edit, blank keeps the stored value and "Clear" removes it.
 * Clear is a button, not a checkbox, so the field's label stays the only control named after it.
 */
function WriteOnlyField({ label, isSet, value, clear, error, hint, onValue, onClear }: WriteOnlyProps) {
  const status = clear ? "Will be cleared when you save." : isSet ? "Set — leave blank to keep." : null;
  return (
    <div className="flex items-start gap-2">
      <Field label={label} error={error} hint={status ? `${status} ${hint}` : hint} className="flex-1">
        <Input
          type="password"
          value={value}
          onChange={(event) => onValue(event.target.value)}
          disabled={clear}
          autoComplete="new-password"
          spellCheck={false}
          className="font-mono"
          placeholder={isSet && !clear ? "••••••••" : undefined}
        />
      </Field>
      {isSet ? (
        <Button type="button" variant="secondary" size="sm" className="mt-7" aria-pressed={clear} onClick={() => onClear(!clear)}>
          {clear ? "Keep" : "Clear"}
        </Button>
      ) : null}
    </div>
  );
}

function secretHint(format: WebhookFormat, creating: boolean): string {
  const minimum = presets[format].minSecretLength;
  if (minimum > 1) return `${presets[format].label} needs at least ${minimum} characters.`;
  if (format === "standard" && creating) return "Leave blank and the hub generates a whsec_ secret, shown once after you save.";
  return "Used to sign each request's body.";
}

export function SecuritySection({ state, update, errors, secretSet, tokenSet, creating }: SectionProps & { secretSet: boolean; tokenSet: boolean; creating: boolean }) {
  return (
    <FormSection id="security" title="Security" description="Write-only: the hub stores these encrypted and never shows them again.">
      <WriteOnlyField
        label="Signing secret"
        isSet={secretSet}
        value={state.secret}
        clear={state.clearSecret}
        error={errors.secret}
        hint={secretHint(state.format, creating)}
        onValue={(secret) => update({ secret })}
        onClear={(clearSecret) => update({ clearSecret, secret: "" })}
      />
      <WriteOnlyField
        label="Token"
        isSet={tokenSet}
        value={state.token}
        clear={state.clearToken}
        error={errors.token}
        hint={state.format === "codescoring" ? "Sent as X-CodeScoring-Authentication." : "Sent in a header with every request."}
        onValue={(token) => update({ token })}
        onClear={(clearToken) => update({ clearToken, token: "" })}
      />
    </FormSection>
  );
}
