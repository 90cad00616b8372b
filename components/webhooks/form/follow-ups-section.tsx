import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { SectionProps } from "@/components/webhooks/form/form-state";

/** SecurityScorecard rules can send several web requests; each later one carries the earlier ones' URLs and responses in `webhooks`. */
export function FollowUpsSection({ state, update, errors }: SectionProps) {
  if (state.format !== "scorecard") return null;
  return (
    <FormSection
      id="follow-ups"
      title="Follow-up web requests"
      description="Called in order after the webhook's own URL answers 2xx. Each request's body lists the URL and response of the requests before it under webhooks."
    >
      <Field label="Follow-up URLs" optional error={errors.followUpUrls} hint="One URL per line, at most 5. Credentials in a URL (https://user:password@…) are stored encrypted and sent only to that URL; they are not shown again, and a URL saved back without them keeps them.">
        <Textarea
          value={state.followUpUrls}
          onChange={(event) => update({ followUpUrls: event.target.value })}
          rows={3}
          placeholder="https://tickets.example.com/hooks/scorecard"
          className="font-mono text-xs"
          spellCheck={false}
        />
      </Field>
    </FormSection>
  );
}
