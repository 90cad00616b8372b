"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { MailIcon } from "lucide-react";
import { useState } from "react";
import { actionsColumn, DataTable, infiniteRows, timeColumn } from "@/components/data/data-table";
import { EmailDialog } from "@/components/emails/email-dialog";
import { EmailStatusBadge } from "@/components/emails/email-status-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { OrgRef } from "@/lib/client/org";
import { emailsQuery, type Email } from "@/lib/mail/queries";

export function EmailsTable({ org }: { org: OrgRef }) {
  const emails = useInfiniteQuery(emailsQuery(org));
  const [open, setOpen] = useState<Email | null>(null);

  return (
    <>
      <PageHeader
        title="Emails"
        description="Every email the hub sent for this organization: invitations and notifications, with their delivery status."
      />
      <DataTable<Email>
        caption="Emails"
        columns={[
          {
            header: "To",
            className: "max-w-56 truncate font-medium text-zinc-900",
            title: (email) => email.to,
            cell: (email) => email.to,
          },
          {
            header: "Subject",
            className: "max-w-72 truncate",
            title: (email) => email.subject,
            cell: (email) => email.subject,
          },
          { header: "Kind", className: "font-mono text-xs text-zinc-500", cell: (email) => email.kind },
          { header: "Status", cell: (email) => <EmailStatusBadge email={email} /> },
          timeColumn("Time", (email) => email.createdAt),
          actionsColumn((email) => (
            <Button
              variant="ghost"
              size="sm"
              aria-label={`View email to ${email.to}: ${email.subject}`}
              onClick={() => setOpen(email)}
            >
              View
            </Button>
          )),
        ]}
        onRowClick={setOpen}
        {...infiniteRows(emails)}
        errorTitle="Could not load emails"
        empty={
          <EmptyState
            bordered
            icon={<MailIcon className="size-5" />}
            title="No emails yet"
            description="Invitations and notifications sent for this organization show up here."
          />
        }
      />
      {open ? <EmailDialog email={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
