import Link from "next/link";
import { formatDuration } from "@/components/deliveries/outcome";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatDate, formatRelative } from "@/lib/client/format";
import type { WebhookHealth } from "@/lib/history/org-health";

const percent = (rate: number) => `${(rate * 100).toFixed(rate === 1 || rate === 0 ? 0 : 1)}%`;

/** Each webhook's last day: status with its reason, success rate and p95 latency; the ones needing attention first. */
export function WebhookHealthTable({ orgSlug, webhooks }: { orgSlug: string; webhooks: WebhookHealth[] }) {
  return (
    <Table aria-label="Webhook health over the last 24 hours">
      <THead>
        <TR>
          <TH>Webhook</TH>
          <TH>Status</TH>
          <TH className="text-right">Success (24 h)</TH>
          <TH className="text-right">p95 latency</TH>
          <TH>Last delivery</TH>
        </TR>
      </THead>
      <TBody>
        {webhooks.map((webhook) => (
          <TR key={webhook.id}>
            <TD className="max-w-64">
              <Link href={`/${orgSlug}/webhooks/${webhook.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
                {webhook.name}
              </Link>
              <p className="truncate text-xs text-zinc-500" title={webhook.url}>
                {webhook.url}
              </p>
            </TD>
            <TD>
              <WebhookStatusBadge status={webhook.status} />
              {webhook.statusReason && (webhook.status === "failing" || webhook.status === "disabled") ? (
                <p className="mt-1 max-w-72 text-xs text-zinc-600">{webhook.statusReason}</p>
              ) : null}
            </TD>
            <TD className="text-right tabular-nums">
              {webhook.successRate === null ? <span className="text-zinc-400">no attempts</span> : `${percent(webhook.successRate)} of ${webhook.attempts}`}
            </TD>
            <TD className="text-right tabular-nums">{formatDuration(webhook.p95Ms)}</TD>
            <TD className="whitespace-nowrap text-zinc-500" title={webhook.lastDeliveryAt ? formatDate(webhook.lastDeliveryAt) : "No successful delivery yet"}>
              {webhook.lastDeliveryAt ? formatRelative(webhook.lastDeliveryAt) : "—"}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
