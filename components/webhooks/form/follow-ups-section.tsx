import { useWatch } from "react-hook-form";
import { Textarea } from "@/components/ui/textarea";
import { FormField } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { WebhookFormValues } from "@/components/webhooks/form/form-schema";

/** SecurityScorecard rules can send several web requests; each later one carries the earlier ones' URLs and responses in `webhooks`. */
export function FollowUpsSection() {
  const format = useWatch<WebhookFormValues, "format">({ name: "format" });
  if (format !== "scorecard") return null;
  return (
    <FormSection
      id="follow-ups"
      title="Follow-up web requests"
      description="Called in order after the webhook's own URL answers 2xx. Each request's body lists the URL and response of the requests before it under webhooks."
    >
      <FormField
        name="followUpUrls"
        label="Follow-up URLs"
        optional
        hint="One URL per line, at most 5. Credentials in a URL (https://user:password@…) are stored encrypted and sent only to that URL; they are not shown again, and a URL saved back without them keeps them."
      >
        {(field) => (
          <Textarea
            {...field}
            rows={3}
            placeholder="https://tickets.example.com/hooks/scorecard"
            className="font-mono text-xs"
            spellCheck={false}
          />
        )}
      </FormField>
    </FormSection>
  );
}
