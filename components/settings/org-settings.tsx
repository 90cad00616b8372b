"use client";

import { useQuery } from "@tanstack/react-query";
import { PlusIcon } from "lucide-react";
import Link from "next/link";
import { JoinPolicyForm } from "@/components/settings/join-policy-form";
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

/**
 * `ownerSettingsNeedRole`: the role that changes limits, retention and who can join, when the
 * viewer lacks it (they see those read-only).
 */
export function OrgSettings({ org, ownerSettingsNeedRole }: { org: OrgRef; ownerSettingsNeedRole: Role | null }) {
  const { data, isPending, error } = useQuery(organizationQuery(org));

  return (
    <>
      <PageHeader title="Settings" description="Your organization's name, limits, who can join, and identifiers." />
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
          <LimitsForm org={org} organization={data} neededRole={ownerSettingsNeedRole} />
          <JoinPolicyForm org={org} organization={data} neededRole={ownerSettingsNeedRole} />
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
