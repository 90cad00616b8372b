import { Input } from "@/components/ui/input";
import { FormField } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";

export function BasicsSection({ basicAuthSet }: { basicAuthSet: boolean }) {
  return (
    <FormSection id="basics" title="Basics">
      <FormField name="name" label="Name" required>
        {(field) => <Input {...field} required maxLength={100} autoComplete="off" />}
      </FormField>
      <FormField
        name="url"
        label="URL"
        required
        hint={
          <>
            user:password@ in the URL is sent as HTTP Basic auth and never shown again.
            {basicAuthSet
              ? " Basic auth is set: leave the credentials out to keep it, or type new ones. Another URL without credentials removes it."
              : null}
          </>
        }
      >
        {(field) => (
          <Input
            {...field}
            type="url"
            required
            placeholder="https://receiver.example.com/webhooks"
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </FormField>
    </FormSection>
  );
}
