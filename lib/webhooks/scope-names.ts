import type { WebhookFormat } from "@/generated/prisma/enums";

/** The hub's three scopes: one project, all projects, or a selection (projects or a portfolio). */
export type ScopeKind = "project" | "all" | "selected";

export const hubScopeNames: Record<ScopeKind, string> = {
  project: "One project",
  all: "All projects",
  selected: "Selected projects or portfolio",
};

/**
 * SecurityScorecard's rule scopes (seed 001) and the hub scope each is: "My Scorecard" is the
 * organization's own scorecard (one project), "All Followed" every project, "Selected Portfolio"
 * a portfolio (or a selection of projects).
 */
export const scorecardScopeNames: Record<ScopeKind, string> = {
  project: "My Scorecard",
  all: "All Followed",
  selected: "Selected Portfolio",
};

/** The product's own name for a scope, shown beside the hub's; null where the product has none. */
export function productScopeName(format: WebhookFormat, kind: ScopeKind): string | null {
  return format === "scorecard" ? scorecardScopeNames[kind] : null;
}

export function scopeKind(webhook: {
  scope: "org" | "project";
  projectIds: readonly string[];
  portfolioId: string | null;
}): ScopeKind {
  if (webhook.scope === "project") return "project";
  return webhook.portfolioId || webhook.projectIds.length > 0 ? "selected" : "all";
}
