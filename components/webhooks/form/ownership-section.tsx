import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { FormSection } from "@/components/webhooks/form/form-section";
import type { SectionProps } from "@/components/webhooks/form/form-state";
import type { Member } from "@/lib/orgs/queries";

export function OwnershipSection({ state, update, errors, members }: SectionProps & { members: readonly Member[] }) {
  return (
    <FormSection id="ownership" title="Owner and status">
      <Field label="Owner" optional error={errors.ownerId} hint="Gets the emails about failing deliveries.">
        <Select value={state.ownerId} onChange={(event) => update({ ownerId: event.target.value })}>
          <option value="">No owner</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.user.name ? `${member.user.name} (${member.user.email})` : member.user.email}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-1">
        <Checkbox label="Active" aria-describedby="webhook-active-hint" checked={state.active} onChange={(event) => update({ active: event.target.checked })} />
        <p id="webhook-active-hint" className="pl-6.5 text-xs text-zinc-500">
          Unchecked: the webhook is saved paused and nothing is sent.
        </p>
      </div>
      {errors.active ? (
        <p role="alert" className="text-xs font-medium text-red-600">
          {errors.active}
        </p>
      ) : null}
    </FormSection>
  );
}
