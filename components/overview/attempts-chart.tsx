"use client";

import type { ChartSeries } from "@/components/charts/chart-series";
import { LineChart } from "@/components/charts/line-chart";
import { axisLabel, bucketLabel } from "@/components/deliveries/bucket-labels";
import type { HourOfAttempts } from "@/lib/history/org-health";

const count = (value: number) => String(Math.round(value));

/** The org's attempts per hour over the last day: what succeeded and what failed. */
export function AttemptsChart({ hours }: { hours: HourOfAttempts[] }) {
  const starts = hours.map((hour) => new Date(hour.start).toISOString());
  const series: ChartSeries[] = [
    {
      name: "Succeeded",
      values: hours.map((hour) => hour.succeeded),
      strokeClassName: "stroke-emerald-600 dark:stroke-emerald-400",
      fillClassName: "fill-emerald-600 dark:fill-emerald-400",
      swatchClassName: "bg-emerald-600 dark:bg-emerald-400",
    },
    {
      name: "Failed",
      values: hours.map((hour) => hour.failed),
      strokeClassName: "stroke-red-500 dark:stroke-red-400",
      fillClassName: "fill-red-500 dark:fill-red-400",
      swatchClassName: "bg-red-500 dark:bg-red-400",
    },
  ];
  const total = hours.reduce((sum, hour) => sum + hour.succeeded + hour.failed, 0);
  const failed = hours.reduce((sum, hour) => sum + hour.failed, 0);
  return (
    <LineChart
      title="Attempts per hour"
      description={`Attempts to every webhook of the organization per hour over the last 24 hours: ${total} in all, ${failed} failed.`}
      pointLabels={starts.map((start) => bucketLabel(start, 3_600))}
      axisLabel={(index) => axisLabel("24h", starts, index)}
      series={series}
      formatValue={count}
      emptyMessage="No attempts in the last 24 hours"
    />
  );
}
