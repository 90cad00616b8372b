"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { MailIcon } from "lucide-react";
import { useState } from "react";
import { EmailDialog } from "@/components/emails/email-dialog";
import { EmailStatusBadge } from "@/components/emails/email-status-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ActionsTH, Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ResourceList } from "@/components/data/resource-list";
import type { OrgRef } from "@/lib/client/org";
import { formatDate, formatRelative } from "@/lib/client/format";
import { emailsQuery, type Email } from "@/lib/mail/queries";

export function EmailsTable({ org }: { org: OrgRef }) {
  const { data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(emailsQuery(org));
  const [open, setOpen] = useState<Email | null>(null);
  const emails = data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <PageHeader title="Emails" description="Every email the hub sent for this organization: invitations and notifications, with their delivery status." />
      <ResourceList
        isPending={isPending}
        error={error}
        data={data ? emails : undefined}
        isEmpty={(rows) => rows.length === 0}
        errorTitle="Could not load emails"
        skeletonLines={4}
        more={{ hasNextPage, isFetchingNextPage, fetchNextPage }}
        empty={
          <EmptyState bordered icon={<MailIcon className="size-5" />} title="No emails yet" description="Invitations and notifications sent for this organization show up here." />
        }
      >
        {(rows) => (
          <Table>
            <THead>
              <TR>
                <TH>To</TH>
                <TH>Subject</TH>
                <TH>Kind</TH>
                <TH>Status</TH>
                <TH>Time</TH>
                <ActionsTH />
              </TR>
            </THead>
            <TBody>
              {rows.map((email) => (
                <TR key={email.id} onClick={() => setOpen(email)} className="cursor-pointer">
                  <TD className="max-w-56 truncate font-medium text-zinc-900" title={email.to}>
                    {email.to}
                  </TD>
                  <TD className="max-w-72 truncate" title={email.subject}>
                    {email.subject}
                  </TD>
                  <TD className="font-mono text-xs text-zinc-500">{email.kind}</TD>
                  <TD>
                    <EmailStatusBadge email={email} />
                  </TD>
                  <TD className="whitespace-nowrap text-zinc-500" title={formatDate(email.createdAt)}>
                    {formatRelative(email.createdAt)}
                  </TD>
                  <TD className="text-right">
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={`View email to ${email.to}: ${email.subject}`}
                      onClick={(event) => {
                        event.stopPropagation();
                        setOpen(email);
                      }}
                    >
                      View
                    </Button>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </ResourceList>
      {open ? <EmailDialog email={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
