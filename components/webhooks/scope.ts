import type { Project } from "@/lib/projects/queries";
import type { Webhook } from "@/lib/webhooks/queries";

/** "All projects", a project key, or "N projects" with the keys as a tooltip. */
export function describeScope(
  webhook: Pick<Webhook, "scope" | "projectId" | "projectIds">,
  projects: ReadonlyMap<string, Project>,
) {
  const keyOf = (id: string) => projects.get(id)?.key ?? id;
  if (webhook.scope === "project" && webhook.projectId)
    return { label: keyOf(webhook.projectId), title: "Project-level webhook", mono: true };
  if (webhook.projectIds.length === 0)
    return { label: "All projects", title: "Org-level webhook for every project", mono: false };
  const keys = webhook.projectIds.map(keyOf);
  if (keys.length === 1) return { label: keys[0] ?? "", title: "Org-level webhook for one project", mono: true };
  return { label: `${keys.length} projects`, title: keys.join(", "), mono: false };
}

export function describeTriggers(triggers: readonly string[]) {
  if (triggers.length === 0) return { label: "All events", title: "Fires for every trigger" };
  if (triggers.length === 1) return { label: triggers[0] ?? "", title: triggers[0] ?? "" };
  return { label: `${triggers.length} triggers`, title: triggers.join(", ") };
}
