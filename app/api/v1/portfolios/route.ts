import "server-only";
import { route } from "@/lib/http/route";
import { portfolioOperations as api } from "@/lib/openapi/operations/portfolios";
import { createPortfolio, listPortfolios } from "@/lib/portfolios/portfolios";

export const GET = route(api.listPortfolios, async ({ org }) => ({ data: await listPortfolios(org.id) }));

export const POST = route(api.createPortfolio, async ({ org, actor, body }) => createPortfolio(org.id, actor, body));
