import type { ChartSeries } from "@/components/charts/chart-series";
import { cn } from "@/components/ui/cn";

export function ChartLegend({ series }: { series: readonly ChartSeries[] }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600">
      {series.map((line) => (
        <li key={line.name} className="flex items-center gap-1.5">
          <span aria-hidden className={cn("h-0.5 w-4 rounded-full", line.swatchClassName)} />
          {line.name}
        </li>
      ))}
    </ul>
  );
}
