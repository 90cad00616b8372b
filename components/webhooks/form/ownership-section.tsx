import { Select } from "@/components/ui/select";
import { FormCheckbox, FormField, useWebhookForm } from "@/components/webhooks/form/form-context";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { Member } from "@/lib/orgs/queries";

export function OwnershipSection({ members }: { members: readonly Member[] }) {
  const { error } = useWebhookForm();
  return (
    <FormSection id="ownership" title="Owner and status">
      <FormField name="ownerId" label="Owner" optional hint="Gets the emails about failing deliveries.">
        {(field) => (
          <Select {...field}>
            <option value="">No owner</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.user.name ? `${member.user.name} (${member.user.email})` : member.user.email}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <div className="grid grid-cols-1 gap-1">
        <FormCheckbox name="active" label="Active" aria-describedby="webhook-active-hint" />
        <p id="webhook-active-hint" className="pl-6.5 text-xs text-zinc-500">
          Unchecked: the webhook is saved paused and nothing is sent.
        </p>
      </div>
      {error("active") ? (
        <p role="alert" className="text-xs font-medium text-red-600 dark:text-red-400">
          {error("active")}
        </p>
      ) : null}
    </FormSection>
  );
}
