import { defineOperations, idParam, listOf } from "@/lib/openapi/operation";
import { createPortfolioInput, portfolioOutput, updatePortfolioInput } from "@/lib/portfolios/schemas";

/** Published under `components.schemas` by these names. */
export const portfolioSchemas = {
  Portfolio: portfolioOutput,
  PortfolioList: listOf(portfolioOutput),
  CreatePortfolioInput: createPortfolioInput,
  UpdatePortfolioInput: updatePortfolioInput,
};

const s = portfolioSchemas;

export const portfolioOperations = defineOperations({
  listPortfolios: {
    method: "GET",
    path: "/api/v1/portfolios",
    tag: "Portfolios",
    permission: "projects:read",
    summary: "List portfolios",
    outcome: { status: 200, description: "Every portfolio, by name.", schema: s.PortfolioList },
  },
  createPortfolio: {
    method: "POST",
    path: "/api/v1/portfolios",
    tag: "Portfolios",
    permission: "projects:write",
    summary: "Create a portfolio",
    body: s.CreatePortfolioInput,
    conflict: "`conflict`: a portfolio with this name already exists.",
    outcome: { status: 201, description: "The new portfolio.", schema: s.Portfolio },
  },
  getPortfolio: {
    method: "GET",
    path: "/api/v1/portfolios/{id}",
    tag: "Portfolios",
    permission: "projects:read",
    summary: "Get a portfolio",
    pathParams: idParam("portfolio"),
    outcome: { status: 200, description: "The portfolio.", schema: s.Portfolio },
  },
  updatePortfolio: {
    method: "PATCH",
    path: "/api/v1/portfolios/{id}",
    tag: "Portfolios",
    permission: "projects:write",
    summary: "Rename a portfolio or replace its projects",
    description: "Webhooks scoped to the portfolio follow its new projects at once.",
    pathParams: idParam("portfolio"),
    body: s.UpdatePortfolioInput,
    conflict: "`conflict`: another portfolio already has this name.",
    outcome: { status: 200, description: "The updated portfolio.", schema: s.Portfolio },
  },
  deletePortfolio: {
    method: "DELETE",
    path: "/api/v1/portfolios/{id}",
    tag: "Portfolios",
    permission: "projects:write",
    summary: "Delete a portfolio",
    description: "Refused while a webhook is scoped to it.",
    pathParams: idParam("portfolio"),
    conflict: "`conflict`: webhooks are scoped to this portfolio.",
    outcome: { status: 204, description: "Deleted." },
  },
});
