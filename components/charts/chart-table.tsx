import type { ChartSeries } from "@/components/charts/chart-series";

/** The chart's numbers as a table, folded away: what a screen reader or a careful reader uses instead of the picture. */
export function ChartTable({ title, pointLabels, series, formatValue }: { title: string; pointLabels: readonly string[]; series: readonly ChartSeries[]; formatValue: (value: number) => string }) {
  return (
    <details className="text-xs text-zinc-600">
      <summary className="w-fit cursor-pointer rounded text-zinc-500 hover:text-zinc-800">Show the data as a table</summary>
      <div className="mt-2 max-h-64 overflow-auto rounded-card-inner border border-zinc-200">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{title}</caption>
          <thead className="sticky top-0 bg-zinc-50">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium text-zinc-500">
                Time
              </th>
              {series.map((line) => (
                <th key={line.name} scope="col" className="px-3 py-1.5 text-right font-medium text-zinc-500">
                  {line.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pointLabels.map((label, index) => (
              <tr key={index} className="border-t border-zinc-100">
                <th scope="row" className="px-3 py-1 font-normal whitespace-nowrap">
                  {label}
                </th>
                {series.map((line) => {
                  const value = line.values[index] ?? null;
                  return (
                    <td key={line.name} className="px-3 py-1 text-right tabular-nums">
                      {value === null ? "—" : formatValue(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
