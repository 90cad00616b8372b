import type { EventType } from "@/lib/event-types/queries";

/** Catalog sources in display order; anything unknown sorts last under its own name. */
const sourceLabels: Record<string, string> = {
  codescoring: "CodeScoring",
  scorecard: "SecurityScorecard",
  deepsource: "DeepSource",
  sonarqube: "SonarQube",
  dejacode: "DejaCode",
  hub: "Hub",
  custom: "Custom",
};
const order = Object.keys(sourceLabels);

export function sourceLabel(source: string): string {
  return sourceLabels[source] ?? source;
}

export interface TriggerGroup {
  source: string;
  label: string;
  triggers: EventType[];
}

export function groupBySource(triggers: readonly EventType[]): TriggerGroup[] {
  const groups = new Map<string, EventType[]>();
  for (const trigger of triggers) groups.set(trigger.source, [...(groups.get(trigger.source) ?? []), trigger]);
  const rank = (source: string) => (order.includes(source) ? order.indexOf(source) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([source, list]) => ({ source, label: sourceLabel(source), triggers: list }));
}
