import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { SectionProps } from "@/components/webhooks/form/form-state";

export function PayloadSection({ state, update, errors }: SectionProps) {
  return (
    <FormSection id="payload" title="Extra payload" description="A JSON object merged into every request body, as DejaCode does.">
      <Field label="Extra payload (JSON)" optional error={errors.extraPayload} hint="At most 16 KB. Leave empty for none.">
        <Textarea
          value={state.extraPayload}
          onChange={(event) => update({ extraPayload: event.target.value })}
          rows={5}
          placeholder={'{\n  "team": "security"\n}'}
          className="font-mono text-xs"
          spellCheck={false}
        />
      </Field>
    </FormSection>
  );
}
