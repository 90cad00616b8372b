import { useWatch } from "react-hook-form";
import { Select } from "@/components/ui/select";
import { formatHints } from "@/components/webhooks/format-hints";
import { FormField, useWebhookForm } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import { presetFields, type WebhookFormValues } from "@/components/webhooks/form/form-schema";
import type { WebhookFormat } from "@/generated/prisma/enums";
import { presets, webhookFormats } from "@/lib/webhooks/presets";

export function FormatSection() {
  const { setValue, isSubmitted } = useWebhookForm();
  const format = useWatch<WebhookFormValues, "format">({ name: "format" });

  // Choosing a format fills in its delivery defaults; once a save was tried they are checked again.
  function applyPreset(next: WebhookFormat) {
    const preset = presetFields(next);
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    setValue("deliveryMode", preset.deliveryMode, options);
    setValue("batchWindowMs", preset.batchWindowMs, options);
    setValue("timeoutMs", preset.timeoutMs, options);
    setValue("retrySchedule", preset.retrySchedule, options);
    setValue("retryDelays", preset.retryDelays, options);
    setValue("activationRequired", preset.activationRequired, options);
    setValue("disableOnGone", preset.disableOnGone, options);
  }

  return (
    <FormSection
      id="format"
      title="Format"
      description="The body, headers and signature the receiver expects. Choosing a format fills in its delivery defaults below."
    >
      <FormField name="format" label="Format" hint={formatHints[format]}>
        {(field) => (
          <Select
            {...field}
            onChange={(event) => {
              field.onChange(event);
              applyPreset(event.target.value as WebhookFormat);
            }}
          >
            {webhookFormats.map((option) => (
              <option key={option} value={option}>
                {presets[option].label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    </FormSection>
  );
}
