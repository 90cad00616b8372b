import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { Email } from "@/lib/mail/queries";

const tones: Record<Email["status"], BadgeTone> = { sent: "success", queued: "info", failed: "danger" };
const labels: Record<Email["status"], string> = { sent: "Sent", queued: "Queued", failed: "Failed" };

/** A failed email's badge carries the transport error as its tooltip. */
export function EmailStatusBadge({ email }: { email: Pick<Email, "status" | "error"> }) {
  return (
    <Badge tone={tones[email.status]} dot title={email.error ?? undefined}>
      {labels[email.status]}
    </Badge>
  );
}
