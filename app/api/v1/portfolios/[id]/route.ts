import "server-only";
import { route } from "@/lib/http/route";
import { portfolioOperations as api } from "@/lib/openapi/operations/portfolios";
import { deletePortfolio, getPortfolio, updatePortfolio } from "@/lib/portfolios/portfolios";

export const GET = route(api.getPortfolio, async ({ org, params }) => getPortfolio(org.id, params.id));

/** Renames the portfolio or replaces its projects; webhooks scoped to it follow at once. */
export const PATCH = route(api.updatePortfolio, async ({ org, actor, params, body }) =>
  updatePortfolio(org.id, actor, params.id, body),
);

export const DELETE = route(api.deletePortfolio, async ({ org, actor, params }) =>
  deletePortfolio(org.id, actor, params.id),
);
