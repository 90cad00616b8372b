import { queryOptions } from "@tanstack/react-query";
import { apiFetch, type Json } from "@/lib/client/api";
import type { OrgRef } from "@/lib/client/org";
import type { CreatePortfolioInput, PortfolioOutput, UpdatePortfolioInput } from "@/lib/portfolios/schemas";

export type Portfolio = Json<PortfolioOutput>;

export const portfolioKeys = {
  all: (org: OrgRef) => [org.id, "portfolios"] as const,
};

export function portfoliosQuery(org: OrgRef) {
  return queryOptions({
    queryKey: portfolioKeys.all(org),
    queryFn: () => apiFetch<{ data: Portfolio[] }>(org.slug, "portfolios"),
  });
}

export const portfolioMutations = {
  create: (org: OrgRef, input: CreatePortfolioInput) =>
    apiFetch<Portfolio>(org.slug, "portfolios", { method: "POST", body: input }),
  update: (org: OrgRef, id: string, input: UpdatePortfolioInput) =>
    apiFetch<Portfolio>(org.slug, `portfolios/${id}`, { method: "PATCH", body: input }),
  remove: (org: OrgRef, id: string) => apiFetch<void>(org.slug, `portfolios/${id}`, { method: "DELETE" }),
};
