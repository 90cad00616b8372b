import { useWatch } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormCheckbox, FormField } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { WebhookFormValues } from "@/components/webhooks/form/form-schema";
import { retrySchedules } from "@/components/webhooks/retry-schedules";
import { presets, retrySchedules as scheduleNames } from "@/lib/webhooks/presets";

const numberProps = { inputMode: "numeric", className: "tabular-nums", autoComplete: "off" } as const;

export function DeliverySection() {
  const [format, deliveryMode, retrySchedule] = useWatch<
    WebhookFormValues,
    ["format", "deliveryMode", "retrySchedule"]
  >({ name: ["format", "deliveryMode", "retrySchedule"] });
  return (
    <FormSection id="delivery" title="Delivery" description="Filled in from the format; change any of them.">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          name="deliveryMode"
          label="Delivery mode"
          hint={
            deliveryMode === "batched" ? "Events within the window go out in one request." : "One request per event."
          }
        >
          {(field) => (
            <Select {...field}>
              <option value="single">Single</option>
              <option value="batched">Batched</option>
            </Select>
          )}
        </FormField>
        <FormField name="timeoutMs" label="Timeout (ms)" hint="1,000 to 30,000.">
          {(field) => <Input {...numberProps} {...field} />}
        </FormField>
        {deliveryMode === "batched" ? (
          <>
            <FormField name="batchWindowMs" label="Batch window (ms)" hint="1,000 to 60,000.">
              {(field) => <Input {...numberProps} {...field} />}
            </FormField>
            <FormField name="batchMaxSize" label="Max batch size" hint="Events per request, 1 to 1,000.">
              {(field) => <Input {...numberProps} {...field} />}
            </FormField>
          </>
        ) : null}
        <FormField name="retrySchedule" label="Retry schedule" hint={retrySchedules[retrySchedule].description}>
          {(field) => (
            <Select {...field}>
              {scheduleNames.map((name) => (
                <option key={name} value={name}>
                  {retrySchedules[name].label}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        {retrySchedule === "custom" ? (
          <FormField
            name="retryDelays"
            label="Retry delays (seconds)"
            required
            hint="Wait before each retry, e.g. 60, 300, 1800."
          >
            {(field) => <Input {...field} placeholder="60, 300, 1800" className="font-mono" />}
          </FormField>
        ) : null}
        <FormField
          name="rateLimitPerSecond"
          label="Rate limit (requests per second)"
          optional
          hint="Leave empty for no limit."
        >
          {(field) => <Input {...numberProps} {...field} />}
        </FormField>
      </div>
      <div className="mt-4 grid gap-3">
        <FormCheckbox
          name="activationRequired"
          label="Activate by test event"
          description={`A new URL receives nothing until a test event gets a 2xx (DeepSource's rule). Default for ${presets[format].label}: ${presets[format].activationRequired ? "on" : "off"}.`}
        />
        <FormCheckbox
          name="disableOnGone"
          label="410 Gone disables the webhook"
          description={`On: a 410 answer switches the webhook off at once (Standard Webhooks). Off: it is retried like any other failure. Default for ${presets[format].label}: ${presets[format].disableOnGone ? "on" : "off"}.`}
        />
      </div>
    </FormSection>
  );
}
