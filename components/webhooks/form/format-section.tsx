import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { formatHints } from "@/components/webhooks/format-hints";
import { FormSection } from "@/components/webhooks/form/form-section";
import { presetFields, type SectionProps } from "@/components/webhooks/form/form-state";
import type { WebhookFormat } from "@/generated/prisma/enums";
import { presets, webhookFormats } from "@/lib/webhooks/presets";

export function FormatSection({ state, update, errors }: SectionProps) {
  return (
    <FormSection id="format" title="Format" description="The body, headers and signature the receiver expects. Choosing a format fills in its delivery defaults below.">
      <Field label="Format" error={errors.format} hint={formatHints[state.format]}>
        <Select value={state.format} onChange={(event) => update(presetFields(event.target.value as WebhookFormat))}>
          {webhookFormats.map((format) => (
            <option key={format} value={format}>
              {presets[format].label}
            </option>
          ))}
        </Select>
      </Field>
    </FormSection>
  );
}
