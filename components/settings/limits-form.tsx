"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { Role } from "@/generated/prisma/enums";
import { formErrors } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { Organization } from "@/lib/orgs/queries";
import { useSaveOrganization } from "@/components/settings/use-save-organization";

const fields = [
  {
    name: "webhookLimitPerProject",
    label: "Webhooks per project",
    hint: "1 to 100. Each project takes at most this many webhooks.",
    max: 100,
  },
  {
    name: "webhookLimitOrg",
    label: "Organization-wide webhooks",
    hint: "1 to 100. Webhooks not tied to one project (all, selected or a portfolio's projects).",
    max: 100,
  },
  {
    name: "retentionDays",
    label: "Event retention (days)",
    hint: "1 to 365. Older events and delivery history are deleted.",
    max: 365,
  },
] as const;

type LimitName = (typeof fields)[number]["name"];

/**
 * Webhook limits and history retention. Owners change them; everyone else who opens Settings
 * sees them read-only, with the role that changes them (`neededRole` is set for them).
 */
export function LimitsForm({
  org,
  organization,
  neededRole,
}: {
  org: OrgRef;
  organization: Organization;
  neededRole: Role | null;
}) {
  const initial = (saved: Organization) =>
    Object.fromEntries(fields.map((field) => [field.name, String(saved[field.name])])) as Record<LimitName, string>;
  const [values, setValues] = useState(() => initial(organization));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useSaveOrganization(org, {
    savedTitle: "Limits saved",
    onSaved: (saved) => setValues(initial(saved)),
    onError: (failure) => setErrors(formErrors(failure)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    // The API checks each number; "" or "1.5" comes back as its field's message.
    const input = Object.fromEntries(
      fields.map((field) => [field.name, values[field.name].trim() === "" ? NaN : Number(values[field.name])]),
    ) as Record<LimitName, number>;
    mutation.mutate(input);
  }

  const unchanged = fields.every((field) => values[field.name] === String(organization[field.name]));

  const limitsHeader = (
    <CardHeader>
      <CardTitle>Limits</CardTitle>
      <CardDescription>How many webhooks this organization may have, and how long it keeps history.</CardDescription>
    </CardHeader>
  );

  if (neededRole) {
    return (
      <Card>
        {limitsHeader}
        <CardContent className="space-y-4">
          <dl className="divide-y divide-zinc-100 border-t border-zinc-100">
            {fields.map((field) => (
              <div key={field.name} className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
                <dt className="text-sm text-zinc-500">{field.label}</dt>
                <dd className="text-sm text-zinc-900 sm:col-span-2">{organization[field.name]}</dd>
              </div>
            ))}
          </dl>
          <p role="note" className="text-sm text-zinc-600">
            Changing these needs the {neededRole} role.
          </p>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        {limitsHeader}
        <CardContent className="grid gap-4 sm:grid-cols-3">
          {fields.map((field) => (
            <Field key={field.name} label={field.label} hint={field.hint} error={errors[field.name]}>
              <Input
                name={field.name}
                type="number"
                inputMode="numeric"
                min={1}
                max={field.max}
                step={1}
                value={values[field.name]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setValues((current) => ({ ...current, [field.name]: value }));
                }}
              />
            </Field>
          ))}
          {errors.form ? (
            <Alert tone="danger" className="sm:col-span-3">
              {errors.form}
            </Alert>
          ) : null}
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={mutation.isPending} disabled={unchanged}>
            Save limits
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
