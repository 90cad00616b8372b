"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { Role } from "@/generated/prisma/enums";
import { ApiError } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import { joinRoles, type JoinPolicyInput, type JoinPolicyOutput } from "@/lib/orgs/join-policy";
import type { Organization } from "@/lib/orgs/queries";
import { useSaveOrganization } from "@/components/settings/use-save-organization";

type Mode = JoinPolicyOutput["mode"];
type JoinRole = (typeof joinRoles)[number];

interface Draft {
  mode: Mode;
  /** As typed: one domain a line (commas and spaces separate them too). */
  domains: string;
  role: JoinRole;
}

const roleLabels: Record<JoinRole, string> = { member: "Member", admin: "Admin" };

function draftOf(policy: JoinPolicyOutput): Draft {
  return policy.mode === "email_domain"
    ? { mode: "email_domain", domains: policy.domains.join("\n"), role: policy.role }
    : { mode: "invitation_only", domains: "", role: "member" };
}

const domainList = (typed: string) => typed.split(/[\s,;]+/).filter(Boolean);

function inputOf(draft: Draft): JoinPolicyInput {
  return draft.mode === "email_domain"
    ? { mode: "email_domain", domains: domainList(draft.domains), role: draft.role }
    : { mode: "invitation_only" };
}

/** The API's messages by field of this form: every refused domain under `domains`. */
function errorsOf(failure: Error): Partial<Record<"domains" | "role" | "form", string>> {
  const fields = failure instanceof ApiError ? failure.fieldErrors() : {};
  const domains = Object.entries(fields)
    .filter(([path]) => path.startsWith("joinPolicy.domains"))
    .map(([, message]) => message);
  const role = fields["joinPolicy.role"];
  if (domains.length === 0 && !role) return { form: failure.message };
  return { domains: domains.length > 0 ? domains.join(" ") : undefined, role };
}

/** The policy in one sentence, for anyone who may not change it. */
export function describeJoinPolicy(policy: JoinPolicyOutput): string {
  if (policy.mode === "invitation_only") return "Invitation only.";
  return `Anyone with a verified email address at ${policy.domains.join(", ")} joins as ${policy.role}.`;
}

/**
 * Who can become a member without an invitation. Owners change it (`org:limits`); everyone else
 * who opens Settings sees it read-only, with the role that changes it (`neededRole`).
 */
export function JoinPolicyForm({
  org,
  organization,
  neededRole,
}: {
  org: OrgRef;
  organization: Organization;
  neededRole: Role | null;
}) {
  const [draft, setDraft] = useState(() => draftOf(organization.joinPolicy));
  const [errors, setErrors] = useState<ReturnType<typeof errorsOf>>({});
  const ids = useId();
  const mutation = useSaveOrganization(org, {
    savedTitle: "Joining policy saved",
    onSaved: (saved) => setDraft(draftOf(saved.joinPolicy)),
    onError: (failure) => setErrors(errorsOf(failure)),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setErrors({});
    mutation.mutate({ joinPolicy: inputOf(draft) });
  }

  const header = (
    <CardHeader>
      <CardTitle>Joining</CardTitle>
      <CardDescription>Who can become a member of this organization without an invitation.</CardDescription>
    </CardHeader>
  );

  if (neededRole) {
    return (
      <Card>
        {header}
        <CardContent className="space-y-4">
          <dl className="divide-y divide-zinc-100 border-t border-zinc-100">
            <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
              <dt className="text-sm text-zinc-500">Who can join</dt>
              <dd className="text-sm break-words text-zinc-900 sm:col-span-2">
                {describeJoinPolicy(organization.joinPolicy)}
              </dd>
            </div>
          </dl>
          <p role="note" className="text-sm text-zinc-600">
            Changing this needs the {neededRole} role.
          </p>
        </CardContent>
      </Card>
    );
  }

  const saved = draftOf(organization.joinPolicy);
  const unchanged =
    draft.mode === saved.mode &&
    (draft.mode === "invitation_only" ||
      (domainList(draft.domains).join() === domainList(saved.domains).join() && draft.role === saved.role));
  const option = (mode: Mode, label: string, description: string) => (
    <div className="flex items-start gap-2.5">
      <input
        type="radio"
        id={`${ids}-${mode}`}
        name="joinPolicy"
        value={mode}
        checked={draft.mode === mode}
        onChange={() => setDraft((current) => ({ ...current, mode }))}
        aria-describedby={`${ids}-${mode}-hint`}
        className="mt-0.5 size-4 shrink-0 accent-accent-600"
      />
      <span className="grid grid-cols-1 gap-0.5">
        <label htmlFor={`${ids}-${mode}`} className="cursor-pointer text-sm font-medium text-zinc-800">
          {label}
        </label>
        <span id={`${ids}-${mode}-hint`} className="text-xs text-zinc-500">
          {description}
        </span>
      </span>
    </div>
  );

  return (
    <Card>
      <form onSubmit={submit} noValidate>
        {header}
        <CardContent className="space-y-5">
          <fieldset className="grid grid-cols-1 gap-3">
            <legend className="sr-only">Who can join</legend>
            {option("invitation_only", "Invitation only", "Owners and admins invite each person by email.")}
            {option(
              "email_domain",
              "Anyone with a verified email address at these domains",
              "They join when they verify their address: at sign-up, or with their first emailed sign-in link. Accounts that exist already are not added; invite those people.",
            )}
          </fieldset>
          {draft.mode === "email_domain" ? (
            <div className="grid gap-4 sm:grid-cols-3">
              <Field
                label="Domains"
                hint="One a line, like example.com. Only domains of an owner's verified email address; public providers such as gmail.com cannot be used."
                error={errors.domains}
                className="sm:col-span-2"
              >
                <Textarea
                  name="joinDomains"
                  rows={3}
                  placeholder="example.com"
                  autoCapitalize="none"
                  spellCheck={false}
                  value={draft.domains}
                  onChange={(event) => {
                    const domains = event.currentTarget.value;
                    setDraft((current) => ({ ...current, domains }));
                  }}
                />
              </Field>
              <Field label="Role they get" hint="Never owner." error={errors.role}>
                <Select
                  name="joinRole"
                  value={draft.role}
                  onChange={(event) => {
                    const role = event.currentTarget.value as JoinRole;
                    setDraft((current) => ({ ...current, role }));
                  }}
                >
                  {joinRoles.map((role) => (
                    <option key={role} value={role}>
                      {roleLabels[role]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
          ) : null}
          {errors.form ? <Alert tone="danger">{errors.form}</Alert> : null}
        </CardContent>
        <CardFooter>
          <Button type="submit" loading={mutation.isPending} disabled={unchanged}>
            Save joining policy
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
