"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { ChartSeries } from "@/components/charts/chart-series";
import { LineChart } from "@/components/charts/line-chart";
import { RangeSwitch } from "@/components/charts/range-switch";
import { axisLabel, bucketLabel, rangeLabels } from "@/components/deliveries/bucket-labels";
import { formatDuration } from "@/components/deliveries/outcome";
import { statsQuery, type StatsRange, type WebhookStats } from "@/components/deliveries/queries";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SkeletonText } from "@/components/ui/skeleton";
import type { OrgRef } from "@/lib/client/org";

const ranges = ["24h", "7d", "30d"] as const satisfies readonly StatsRange[];

const percent = (value: number) => `${Math.round(value)}%`;
const milliseconds = (value: number) => formatDuration(Math.round(value));

function totals(stats: WebhookStats) {
  const attempts = stats.buckets.reduce((sum, bucket) => sum + bucket.attempts, 0);
  const succeeded = stats.buckets.reduce((sum, bucket) => sum + bucket.succeeded, 0);
  const slowest = Math.max(0, ...stats.buckets.map((bucket) => bucket.p95Ms ?? 0));
  return { attempts, succeeded, slowest };
}

function summary(stats: WebhookStats): string {
  const { attempts, succeeded, slowest } = totals(stats);
  if (attempts === 0) return `No attempts in ${rangeLabels[stats.range].span}.`;
  return `${attempts} ${attempts === 1 ? "attempt" : "attempts"} in ${rangeLabels[stats.range].span}, ${percent((succeeded / attempts) * 100)} succeeded; slowest p95 ${milliseconds(slowest)}.`;
}

function Charts({ stats }: { stats: WebhookStats }) {
  const starts = stats.buckets.map((bucket) => bucket.start);
  const pointLabels = stats.buckets.map((bucket) => bucketLabel(bucket.start, stats.bucketSeconds));
  const per = `per ${rangeLabels[stats.range].bucket} over ${rangeLabels[stats.range].span}`;
  const successRate: ChartSeries = {
    name: "Succeeded",
    values: stats.buckets.map((bucket) => (bucket.attempts === 0 ? null : (bucket.succeeded / bucket.attempts) * 100)),
    strokeClassName: "stroke-emerald-600 dark:stroke-emerald-400",
    fillClassName: "fill-emerald-600 dark:fill-emerald-400",
    swatchClassName: "bg-emerald-600 dark:bg-emerald-400",
  };
  const latency: ChartSeries[] = [
    {
      name: "p50",
      values: stats.buckets.map((bucket) => bucket.p50Ms),
      strokeClassName: "stroke-accent-600 dark:stroke-accent-400",
      fillClassName: "fill-accent-600 dark:fill-accent-400",
      swatchClassName: "bg-accent-600 dark:bg-accent-400",
    },
    {
      name: "p95",
      values: stats.buckets.map((bucket) => bucket.p95Ms),
      strokeClassName: "stroke-amber-500 dark:stroke-amber-400",
      fillClassName: "fill-amber-500 dark:fill-amber-400",
      swatchClassName: "bg-amber-500 dark:bg-amber-400",
    },
  ];
  const shared = {
    pointLabels,
    axisLabel: (index: number) => axisLabel(stats.range, starts, index),
    emptyMessage: "No attempts in this range",
  };
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <LineChart
        {...shared}
        title="Success rate"
        description={`Share of attempts answered with 2xx, ${per}. ${summary(stats)}`}
        series={[successRate]}
        formatValue={percent}
        yMax={100}
      />
      <LineChart
        {...shared}
        title="Latency"
        description={`Median (p50) and 95th percentile (p95) attempt duration, ${per}.`}
        series={latency}
        formatValue={milliseconds}
      />
    </div>
  );
}

/** Success rate and latency of a webhook's attempts over 24 hours, 7 days or 30 days. */
export function DeliveryCharts({ org, webhookId }: { org: OrgRef; webhookId: string }) {
  const [range, setRange] = useState<StatsRange>("24h");
  const { data, isPending, error } = useQuery({
    ...statsQuery(org, webhookId, range),
    placeholderData: keepPreviousData,
  });

  return (
    <Card>
      <CardHeader actions={<RangeSwitch label="Chart range" options={ranges} value={range} onChange={setRange} />}>
        <CardTitle>Success and latency</CardTitle>
        <CardDescription aria-live="polite">
          {data ? summary(data) : "Every attempt, scheduled, manual and test, counted over time."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {error ? (
          <Alert tone="danger" title="Could not load the charts">
            {error.message}
          </Alert>
        ) : isPending ? (
          <SkeletonText lines={6} />
        ) : (
          <Charts stats={data} />
        )}
      </CardContent>
    </Card>
  );
}
