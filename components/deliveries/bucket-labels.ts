import type { StatsRange } from "@/components/deliveries/queries";

const day = new Intl.DateTimeFormat("en", { month: "short", day: "numeric" });
const dayAndTime = new Intl.DateTimeFormat("en", {
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** How each range reads: the phrase for its span and bucket, and every how-many buckets the x axis gets a label. */
export const rangeLabels: Record<
  StatsRange,
  { span: string; bucket: string; labelEvery: number; axis: Intl.DateTimeFormat }
> = {
  "24h": { span: "the last 24 hours", bucket: "hour", labelEvery: 6, axis: time },
  "7d": { span: "the last 7 days", bucket: "6 hours", labelEvery: 4, axis: day },
  "30d": { span: "the last 30 days", bucket: "day", labelEvery: 5, axis: day },
};

/** "Nov 20, 10:00" for a bucket within a day, "Nov 20" for a whole day. */
export function bucketLabel(start: string, bucketSeconds: number): string {
  return (bucketSeconds >= 86_400 ? day : dayAndTime).format(new Date(start));
}

/** Labels every few buckets, counted back from the newest so the current one is always named. */
export function axisLabel(range: StatsRange, starts: readonly string[], index: number): string | null {
  const { labelEvery, axis } = rangeLabels[range];
  return (starts.length - 1 - index) % labelEvery === 0 ? axis.format(new Date(starts[index]!)) : null;
}
