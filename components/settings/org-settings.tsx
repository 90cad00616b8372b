"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import Link from "next/link";
import { LimitsForm } from "@/components/settings/limits-form";
import { OrgFacts } from "@/components/settings/org-facts";
import { RenameOrgForm } from "@/components/settings/rename-org-form";
import { Alert } from "@/components/ui/alert";
import { buttonClassName } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SkeletonText } from "@/components/ui/skeleton";
import type { Role } from "@/generated/prisma/enums";
import type { OrgRef } from "@/lib/client/org";
import { organizationQuery } from "@/lib/orgs/queries";

/** `limitsNeedRole`: the role that changes limits and retention, when the viewer lacks it (they see them read-only). */
export function OrgSettings({ org, limitsNeedRole }: { org: OrgRef; limitsNeedRole: Role | null }) {
  const { data, isPending, error } = useQuery(organizationQuery(org));

  return (
    <>
      <PageHeader title="Settings" description="Your organization's name, identifiers and limits." />
      {error ? (
        <Alert tone="danger" title="Could not load the organization">
          {error.message}
        </Alert>
      ) : null}
      {isPending ? (
        <Card className="p-6">
          <SkeletonText lines={4} />
        </Card>
      ) : data ? (
        <div className="space-y-6">
          <RenameOrgForm org={org} organization={data} />
          <LimitsForm org={org} organization={data} neededRole={limitsNeedRole} />
          <OrgFacts organization={data} />
          <Card>
            <CardHeader
              actions={
                <Link href="/orgs/new" className={buttonClassName("secondary", "sm")}>
                  <PlusIcon /> Create organization
                </Link>
              }
            >
              <CardTitle>Another organization</CardTitle>
              <CardDescription>
                Keep separate teams, clients or environments apart. You will be its owner.
              </CardDescription>
            </CardHeader>
          </Card>
        </div>
      ) : null}
    </>
  );
}
