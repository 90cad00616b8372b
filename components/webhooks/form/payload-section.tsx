import { Textarea } from "@/components/ui/textarea";
import { FormField } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";

export function PayloadSection() {
  return (
    <FormSection
      id="payload"
      title="Extra payload"
      description="A JSON object merged into every request body, as DejaCode does."
    >
      <FormField name="extraPayload" label="Extra payload (JSON)" optional hint="At most 16 KB. Leave empty for none.">
        {(field) => (
          <Textarea
            {...field}
            rows={5}
            placeholder={'{\n  "team": "security"\n}'}
            className="font-mono text-xs"
            spellCheck={false}
          />
        )}
      </FormField>
    </FormSection>
  );
}
