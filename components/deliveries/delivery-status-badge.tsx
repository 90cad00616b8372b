import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DeliveryStatus } from "@/components/deliveries/queries";

export const deliveryStatuses: Record<DeliveryStatus, { label: string; tone: BadgeTone; description: string }> = {
  held: {
    label: "Held",
    tone: "neutral",
    description: "The webhook is paused; this goes out, in order, when it is resumed.",
  },
  pending: { label: "Queued", tone: "neutral", description: "Waiting for its first attempt." },
  sending: { label: "Sending", tone: "info", description: "An attempt is in flight." },
  succeeded: { label: "Succeeded", tone: "success", description: "The receiver answered 2xx." },
  retrying: { label: "Retrying", tone: "warning", description: "The last attempt failed; the next one is scheduled." },
  failed: { label: "Failed", tone: "danger", description: "Every attempt failed; nothing more is scheduled." },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const { label, tone, description } = deliveryStatuses[status];
  return (
    <Badge tone={tone} dot title={description}>
      {label}
    </Badge>
  );
}
