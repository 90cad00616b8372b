"use client";

import { EmailStatusBadge } from "@/components/emails/email-status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDate } from "@/lib/client/format";
import type { Email } from "@/lib/mail/queries";

export function EmailDialog({ email, onClose }: { email: Email; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={email.subject}
      description={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>
            To <span className="font-medium text-zinc-700">{email.to}</span>
          </span>
          <span className="font-mono text-xs">{email.kind}</span>
          <span>{formatDate(email.sentAt ?? email.createdAt)}</span>
          <EmailStatusBadge email={email} />
        </span>
      }
      footer={
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      }
    >
      {email.error ? (
        <Alert tone="danger" title="Delivery failed" className="mb-4">
          {email.error}
        </Alert>
      ) : null}
      <pre className="max-h-[60vh] overflow-auto rounded-card-inner border border-zinc-200 bg-zinc-50 p-4 font-mono text-[13px] leading-relaxed whitespace-pre-wrap text-zinc-800">
        {email.text}
      </pre>
    </Dialog>
  );
}
