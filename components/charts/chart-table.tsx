import type { ChartSeries } from "@/components/charts/chart-series";
import { DataTable } from "@/components/data/data-table";

/** The chart's numbers as a table, folded away: what a screen reader or a careful reader uses instead of the picture. */
export function ChartTable({
  title,
  pointLabels,
  series,
  formatValue,
}: {
  title: string;
  pointLabels: readonly string[];
  series: readonly ChartSeries[];
  formatValue: (value: number) => string;
}) {
  return (
    <details className="text-xs text-zinc-600">
      <summary className="w-fit cursor-pointer rounded text-zinc-500 hover:text-zinc-800">
        Show the data as a table
      </summary>
      <DataTable<number>
        framed={false}
        density="compact"
        stickyHeader
        className="mt-2 max-h-64 overflow-auto rounded-card-inner border"
        caption={title}
        columns={[
          {
            header: "Time",
            rowHeader: true,
            className: "whitespace-nowrap text-zinc-600",
            cell: (index) => pointLabels[index],
          },
          ...series.map((line) => ({
            header: line.name,
            align: "end" as const,
            className: "tabular-nums text-zinc-600",
            cell: (index: number) => {
              const value = line.values[index] ?? null;
              return value === null ? "—" : formatValue(value);
            },
          })),
        ]}
        rows={pointLabels.map((_, index) => index)}
        rowKey={String}
      />
    </details>
  );
}
