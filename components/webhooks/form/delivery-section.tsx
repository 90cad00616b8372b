import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { SectionProps } from "@/components/webhooks/form/form-state";
import { retrySchedules } from "@/components/webhooks/retry-schedules";
import { presets, retrySchedules as scheduleNames, type RetryScheduleName } from "@/lib/webhooks/presets";

const numberProps = { inputMode: "numeric", className: "tabular-nums", autoComplete: "off" } as const;

export function DeliverySection({ state, update, errors }: SectionProps) {
  return (
    <FormSection id="delivery" title="Delivery" description="Filled in from the format; change any of them.">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Delivery mode" error={errors.deliveryMode} hint={state.deliveryMode === "batched" ? "Events within the window go out in one request." : "One request per event."}>
          <Select value={state.deliveryMode} onChange={(event) => update({ deliveryMode: event.target.value as "single" | "batched" })}>
            <option value="single">Single</option>
            <option value="batched">Batched</option>
          </Select>
        </Field>
        <Field label="Timeout (ms)" error={errors.timeoutMs} hint="1,000 to 30,000.">
          <Input {...numberProps} value={state.timeoutMs} onChange={(event) => update({ timeoutMs: event.target.value })} />
        </Field>
        {state.deliveryMode === "batched" ? (
          <>
            <Field label="Batch window (ms)" error={errors.batchWindowMs} hint="1,000 to 60,000.">
              <Input {...numberProps} value={state.batchWindowMs} onChange={(event) => update({ batchWindowMs: event.target.value })} />
            </Field>
            <Field label="Max batch size" error={errors.batchMaxSize} hint="Events per request, 1 to 1,000.">
              <Input {...numberProps} value={state.batchMaxSize} onChange={(event) => update({ batchMaxSize: event.target.value })} />
            </Field>
          </>
        ) : null}
        <Field label="Retry schedule" error={errors.retrySchedule} hint={retrySchedules[state.retrySchedule].description}>
          <Select value={state.retrySchedule} onChange={(event) => update({ retrySchedule: event.target.value as RetryScheduleName })}>
            {scheduleNames.map((name) => (
              <option key={name} value={name}>
                {retrySchedules[name].label}
              </option>
            ))}
          </Select>
        </Field>
        {state.retrySchedule === "custom" ? (
          <Field label="Retry delays (seconds)" required error={errors.retryDelays} hint="Wait before each retry, e.g. 60, 300, 1800.">
            <Input value={state.retryDelays} onChange={(event) => update({ retryDelays: event.target.value })} placeholder="60, 300, 1800" className="font-mono" />
          </Field>
        ) : null}
        <Field label="Rate limit (requests per second)" optional error={errors.rateLimitPerSecond} hint="Leave empty for no limit.">
          <Input {...numberProps} value={state.rateLimitPerSecond} onChange={(event) => update({ rateLimitPerSecond: event.target.value })} />
        </Field>
      </div>
      <div className="mt-4 grid gap-3">
        <Checkbox
          label="Activate by test event"
          description={`A new URL receives nothing until a test event gets a 2xx (DeepSource's rule). Default for ${presets[state.format].label}: ${presets[state.format].activationRequired ? "on" : "off"}.`}
          checked={state.activationRequired}
          onChange={(event) => update({ activationRequired: event.target.checked })}
        />
        <Checkbox
          label="410 Gone disables the webhook"
          description={`On: a 410 answer switches the webhook off at once (Standard Webhooks). Off: it is retried like any other failure. Default for ${presets[state.format].label}: ${presets[state.format].disableOnGone ? "on" : "off"}.`}
          checked={state.disableOnGone}
          onChange={(event) => update({ disableOnGone: event.target.checked })}
        />
      </div>
    </FormSection>
  );
}
