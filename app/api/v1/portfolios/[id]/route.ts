import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { deletePortfolio, getPortfolio, updatePortfolio } from "@/lib/portfolios/portfolios";
import { updatePortfolioInput } from "@/lib/portfolios/schemas";

type Params = { id: string };

export const GET = withOrg<Params>(async (_request, { org, params }) => json(await getPortfolio(org.id, params.id)), { permission: "projects:read" });

/** Renames the portfolio or replaces its projects; webhooks scoped to it follow at once. */
export const PATCH = withOrg<Params>(
  async (request, { org, actor, params }) => json(await updatePortfolio(org.id, actor, params.id, await parseJsonBody(request, updatePortfolioInput))),
  { permission: "projects:write" },
);

export const DELETE = withOrg<Params>(
  async (_request, { org, actor, params }) => {
    await deletePortfolio(org.id, actor, params.id);
    return new Response(null, { status: 204 });
  },
  { permission: "projects:write" },
);
