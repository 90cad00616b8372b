import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PortfoliosPanel } from "@/components/portfolios/portfolios-panel";
import { ToastProvider } from "@/components/ui/toast";
import { portfolioKeys } from "@/lib/portfolios/queries";
import { projectKeys } from "@/lib/projects/queries";

const org = { id: "org_1", slug: "acme" };
const at = "2026-11-01T00:00:00.000Z";

function render(canWrite: boolean) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(projectKeys.all(org), { data: [{ id: "prj_1", key: "web", name: "Web", createdAt: at, updatedAt: at }, { id: "prj_2", key: "api", name: "API", createdAt: at, updatedAt: at }], nextCursor: null });
  client.setQueryData(portfolioKeys.all(org), { data: [{ id: "pfl_1", name: "Vendors", projectIds: ["prj_1", "prj_2"], createdAt: at, updatedAt: at }] });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(ToastProvider, null, createElement(PortfoliosPanel, { org, canWrite }))));
}

describe("the portfolios panel", () => {
  it("lists each portfolio with its projects' keys, and offers changes only to those who may make them", () => {
    const html = render(true);
    expect(html).toContain("Vendors");
    expect(html).toContain("web, api");
    expect(html).toContain("New portfolio");
    expect(render(false)).not.toContain("New portfolio");
  });
});
