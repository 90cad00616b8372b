// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { PortfoliosPanel } from "@/components/portfolios/portfolios-panel";
import { portfolioKeys } from "@/lib/portfolios/queries";
import { projectKeys } from "@/lib/projects/queries";
import { renderWithQueries } from "@/test/render";

const org = { id: "org_1", slug: "acme" };
const at = "2026-11-01T00:00:00.000Z";

function render(canWrite: boolean) {
  return renderWithQueries(createElement(PortfoliosPanel, { org, canWrite }), (client) => {
    client.setQueryData(projectKeys.all(org), {
      data: [
        { id: "prj_1", key: "web", name: "Web", createdAt: at, updatedAt: at },
        { id: "prj_2", key: "api", name: "API", createdAt: at, updatedAt: at },
      ],
      nextCursor: null,
    });
    client.setQueryData(portfolioKeys.all(org), {
      data: [{ id: "pfl_1", name: "Vendors", projectIds: ["prj_1", "prj_2"], createdAt: at, updatedAt: at }],
    });
  });
}

afterEach(cleanup);

describe("the portfolios panel", () => {
  it("lists each portfolio with its projects' keys, and offers changes only to those who may make them", () => {
    render(true);
    screen.getByRole("heading", { name: "Portfolios" });
    const [vendors, ...others] = screen.getAllByRole("listitem");
    expect(others).toHaveLength(0);
    within(vendors!).getByText("Vendors");
    within(vendors!).getByText("web, api");
    within(vendors!).getByRole("button", { name: "Edit" });
    within(vendors!).getByRole("button", { name: "Delete" });
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "New portfolio" }).disabled).toBe(false);
    cleanup();

    render(false);
    within(screen.getByRole("listitem")).getByText("web, api");
    expect(screen.queryByRole("button", { name: "New portfolio" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Edit" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
  });
});
