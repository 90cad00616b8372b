import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WebhookStatus } from "@/lib/webhooks/queries";

export const webhookStatuses: Record<WebhookStatus, { label: string; tone: BadgeTone; description: string }> = {
  pending: {
    label: "Awaiting activation",
    tone: "warning",
    description: "A test event answered with 2xx activates it.",
  },
  active: { label: "Active", tone: "success", description: "Receiving events." },
  failing: { label: "Failing", tone: "danger", description: "Recent deliveries failed; retries continue." },
  disabled: { label: "Disabled", tone: "danger", description: "Disabled by the hub after repeated failures." },
  paused: { label: "Paused", tone: "neutral", description: "Paused by a person; nothing is sent." },
};

export function WebhookStatusBadge({ status }: { status: WebhookStatus }) {
  const { label, tone, description } = webhookStatuses[status];
  return (
    <Badge tone={tone} dot title={description}>
      {label}
    </Badge>
  );
}
