import "server-only";
import { parseJsonBody } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { withOrg } from "@/lib/http/with-org";
import { createPortfolio, listPortfolios } from "@/lib/portfolios/portfolios";
import { createPortfolioInput } from "@/lib/portfolios/schemas";

export const GET = withOrg(async (_request, { org }) => json({ data: await listPortfolios(org.id) }), { permission: "projects:read" });

export const POST = withOrg(async (request, { org, actor }) => json(await createPortfolio(org.id, actor, await parseJsonBody(request, createPortfolioInput)), { status: 201 }), {
  permission: "projects:write",
});
