import { useId } from "react";
import { ChartLegend } from "@/components/charts/chart-legend";
import type { ChartSeries } from "@/components/charts/chart-series";
import { ChartTable } from "@/components/charts/chart-table";
import { linearScale, niceTicks } from "@/components/charts/scale";
import { seriesPath } from "@/components/charts/series-path";
import { cn } from "@/components/ui/cn";

export interface LineChartProps {
  title: string;
  /** What the chart shows, in a sentence, for screen readers. */
  description: string;
  /** One label per point, for tooltips and the table: "Nov 20, 10:00". */
  pointLabels: readonly string[];
  /** The x-axis label under a point, or null for none. */
  axisLabel: (index: number) => string | null;
  series: readonly ChartSeries[];
  formatValue: (value: number) => string;
  /** A fixed top for the y axis, e.g. 100 for percentages; otherwise the data decides. */
  yMax?: number;
  emptyMessage?: string;
}

const width = 640;
const height = 200;
const margin = { top: 10, right: 12, bottom: 26, left: 52 };
const plot = { left: margin.left, right: width - margin.right, top: margin.top, bottom: height - margin.bottom };

const isNumber = (value: number | null): value is number => value !== null;

/**
 * A hand-drawn SVG line chart with one x position per point, gaps where a value is missing, and a table fallback.
 * Hand-drawn rather than a chart library: two line charts need a few dozen lines of SVG, render on the
 * server as well, and keep their data table for screen readers; a library would add far more than it saves.
 */
export function LineChart({
  title,
  description,
  pointLabels,
  axisLabel,
  series,
  formatValue,
  yMax,
  emptyMessage = "No data in this range",
}: LineChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const values = series.flatMap((line) => line.values.filter(isNumber));
  const ticks = niceTicks(yMax ?? Math.max(0, ...values));
  const y = linearScale([0, ticks.at(-1) ?? 1], [plot.bottom, plot.top]);
  const slot = (plot.right - plot.left) / Math.max(1, pointLabels.length);
  const x = (index: number) => plot.left + (index + 0.5) * slot;

  return (
    <figure className="grid grid-cols-1 gap-3">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium text-zinc-900">{title}</span>
        <ChartLegend series={series} />
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        className="h-auto w-full overflow-visible"
      >
        <title id={titleId}>{title}</title>
        <desc id={descriptionId}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={plot.left}
              x2={plot.right}
              y1={y(tick)}
              y2={y(tick)}
              className={tick === 0 ? "stroke-zinc-300" : "stroke-zinc-100"}
            />
            <text
              x={plot.left - 8}
              y={y(tick)}
              dy="0.32em"
              textAnchor="end"
              fontSize={11}
              className="fill-zinc-500 tabular-nums"
            >
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {pointLabels.map((_, index) => {
          const label = axisLabel(index);
          return label ? (
            <text
              key={index}
              x={x(index)}
              y={plot.bottom + 17}
              textAnchor="middle"
              fontSize={11}
              className="fill-zinc-500"
            >
              {label}
            </text>
          ) : null;
        })}
        {series.map((line) => (
          <g key={line.name}>
            <path
              d={seriesPath(line.values.map((value, index) => ({ x: x(index), y: value === null ? null : y(value) })))}
              fill="none"
              strokeWidth={2}
              strokeLinejoin="round"
              strokeLinecap="round"
              className={line.strokeClassName}
            />
            {line.values.map((value, index) =>
              value === null ? null : (
                <circle
                  key={index}
                  cx={x(index)}
                  cy={y(value)}
                  r={2.75}
                  className={cn(line.fillClassName, "stroke-surface")}
                  strokeWidth={1}
                >
                  <title>{`${pointLabels[index]}: ${line.name} ${formatValue(value)}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
        {values.length === 0 ? (
          <text
            x={(plot.left + plot.right) / 2}
            y={(plot.top + plot.bottom) / 2}
            textAnchor="middle"
            fontSize={13}
            className="fill-zinc-400"
          >
            {emptyMessage}
          </text>
        ) : null}
      </svg>
      <ChartTable title={title} pointLabels={pointLabels} series={series} formatValue={formatValue} />
    </figure>
  );
}
