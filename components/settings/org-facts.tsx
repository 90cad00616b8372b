import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDate } from "@/lib/client/format";
import type { Organization } from "@/lib/orgs/queries";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-zinc-500">{label}</dt>
      <dd className="flex min-w-0 items-center gap-2 text-sm text-zinc-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

/** Read-only details: the identifiers of this organization. */
export function OrgFacts({ organization }: { organization: Organization }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
        <CardDescription>Identifiers to quote when you ask for help.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="divide-y divide-zinc-100 border-t border-zinc-100">
          <Fact label="Slug">
            <span className="font-mono text-[13px]">{organization.slug}</span>
          </Fact>
          <Fact label="Organization ID">
            <span className="truncate font-mono text-[13px]">{organization.id}</span>
            <CopyButton value={organization.id} iconOnly label="Copy organization ID" variant="ghost" />
          </Fact>
          <Fact label="Created">{formatDate(organization.createdAt)}</Fact>
        </dl>
      </CardContent>
    </Card>
  );
}
