import Link from "next/link";
import { DataTable, timeColumn, type DataTableColumns } from "@/components/data/data-table";
import { formatDuration } from "@/components/deliveries/outcome";
import { percent } from "@/components/webhooks/health";
import { WebhookStatusBadge } from "@/components/webhooks/webhook-status-badge";
import type { WebhookHealth } from "@/lib/history/org-health";

type Row = Omit<WebhookHealth, "lastDeliveryAt"> & { lastDeliveryAt: string | null };

function columns(orgSlug: string): DataTableColumns<Row> {
  return [
    {
      header: "Webhook",
      rowHeader: true,
      className: "max-w-64 font-normal",
      cell: (webhook) => (
        <>
          <Link href={`/${orgSlug}/webhooks/${webhook.id}`} className="font-medium text-zinc-900 hover:text-accent-700">
            {webhook.name}
          </Link>
          <p className="truncate text-xs text-zinc-500" title={webhook.url}>
            {webhook.url}
          </p>
        </>
      ),
    },
    {
      header: "Status",
      cell: (webhook) => (
        <>
          <WebhookStatusBadge status={webhook.status} />
          {webhook.statusReason && (webhook.status === "failing" || webhook.status === "disabled") ? (
            <p className="mt-1 max-w-72 text-xs text-zinc-600">{webhook.statusReason}</p>
          ) : null}
        </>
      ),
    },
    {
      header: "Success (24 h)",
      align: "end",
      className: "tabular-nums",
      cell: (webhook) =>
        webhook.successRate === null ? (
          <span className="text-zinc-500">no attempts</span>
        ) : (
          `${percent(webhook.successRate)} of ${webhook.attempts}`
        ),
    },
    {
      header: "p95 latency",
      align: "end",
      className: "tabular-nums",
      cell: (webhook) => formatDuration(webhook.p95Ms),
    },
    timeColumn("Last delivery", (webhook) => webhook.lastDeliveryAt, { noneTitle: "No successful delivery yet" }),
  ];
}

/** Each webhook's last day: status with its reason, success rate and p95 latency; the ones needing attention first. */
export function WebhookHealthTable({ orgSlug, webhooks }: { orgSlug: string; webhooks: WebhookHealth[] }) {
  const rows = webhooks.map((webhook) => ({
    ...webhook,
    lastDeliveryAt: webhook.lastDeliveryAt?.toISOString() ?? null,
  }));
  return (
    <DataTable
      framed={false}
      caption="Webhook health over the last 24 hours"
      columns={columns(orgSlug)}
      rows={rows}
      empty={<p className="px-6 py-4 text-sm text-zinc-600">No webhooks yet.</p>}
    />
  );
}
