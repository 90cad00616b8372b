import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { SectionProps } from "@/components/webhooks/form/form-state";

export function BasicsSection({ state, update, errors, basicAuthSet }: SectionProps & { basicAuthSet: boolean }) {
  return (
    <FormSection id="basics" title="Basics">
      <Field label="Name" required error={errors.name}>
        <Input value={state.name} onChange={(event) => update({ name: event.target.value })} required maxLength={100} autoComplete="off" />
      </Field>
      <Field
        label="URL"
        required
        error={errors.url}
        hint={
          <>
            user:password@ in the URL is sent as HTTP Basic auth and never shown again.
            {basicAuthSet ? " Basic auth is set: leave the credentials out to keep it, or type new ones. Another URL without credentials removes it." : null}
          </>
        }
      >
        <Input
          type="url"
          value={state.url}
          onChange={(event) => update({ url: event.target.value })}
          required
          placeholder="https://receiver.example.com/webhooks"
          className="font-mono"
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
    </FormSection>
  );
}
