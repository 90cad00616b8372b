// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import type { TableSort } from "@/components/data/data-table";
import type { WebhookHealthLine } from "@/components/webhooks/health";
import { WebhooksTable } from "@/components/webhooks/webhooks-table";
import { projectKeys } from "@/lib/projects/queries";
import { webhookKeys, type Webhook, type WebhookStatus } from "@/lib/webhooks/queries";
import { renderWithQueries } from "@/test/render";

const org = { id: "org_1", slug: "acme" };
const at = "2026-11-01T00:00:00.000Z";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function webhook(id: string, name: string, status: WebhookStatus, lastDeliveryAt: string | null): Webhook {
  return {
    id,
    name,
    url: `https://${id}.example.com/hook`,
    scope: "org",
    projectId: null,
    projectIds: [],
    portfolioId: null,
    triggers: [],
    format: "standard",
    secretSet: true,
    previousSecretValidUntil: null,
    tokenSet: false,
    basicAuthSet: false,
    headers: {},
    secretHeaderNames: [],
    extraPayload: {},
    deliveryMode: "single",
    batchWindowMs: 5000,
    batchMaxSize: 100,
    retryPolicy: { schedule: "standard" },
    timeoutMs: 10_000,
    rateLimitPerSecond: null,
    followUpUrls: [],
    followUpBasicAuthSet: [],
    ownerId: null,
    active: status !== "paused",
    activationRequired: false,
    disableOnGone: true,
    heldDeliveries: 0,
    status,
    statusReason: null,
    lastDeliveryAt,
    createdAt: at,
    updatedAt: at,
  };
}

// The API's order (newest first): Billing, Alerts, Crm, Docs.
const webhooks = [
  webhook("wh_billing", "Billing", "active", minutesAgo(3)),
  webhook("wh_alerts", "alerts", "failing", minutesAgo(90)),
  webhook("wh_crm", "Crm", "paused", null),
  webhook("wh_docs", "Docs", "disabled", minutesAgo(3000)),
];

const health: WebhookHealthLine[] = [
  {
    webhookId: "wh_billing",
    attempts: 40,
    successRate: 0.975,
    lastAttempt: { at: minutesAgo(3), success: true, responseStatus: 200, errorClass: null },
  },
  {
    webhookId: "wh_alerts",
    attempts: 4,
    successRate: 0.25,
    lastAttempt: { at: minutesAgo(60), success: false, responseStatus: null, errorClass: "timeout" },
  },
  { webhookId: "wh_crm", attempts: 0, successRate: null, lastAttempt: null },
  {
    webhookId: "wh_docs",
    attempts: 0,
    successRate: null,
    lastAttempt: { at: minutesAgo(3000), success: false, responseStatus: null, errorClass: "blocked_address" },
  },
];

function render(initialSort: TableSort | null = null) {
  return renderWithQueries(createElement(WebhooksTable, { org, canWrite: true, health, initialSort }), (client) => {
    client.setQueryData(projectKeys.all(org), { data: [], nextCursor: null });
    client.setQueryData(webhookKeys.list(org, {}), {
      pages: [{ data: webhooks, nextCursor: null }],
      pageParams: [null],
    });
  });
}

/** The names in the table, top to bottom. */
const names = () =>
  within(screen.getByRole("table", { name: "Webhooks" }))
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("link")[0]!.textContent);

const header = (name: string) => screen.getByRole("columnheader", { name });

afterEach(() => {
  cleanup();
  window.history.replaceState(null, "", "/");
});

describe("the webhooks table", () => {
  it("shows each webhook's success rate over 24 hours and its last result in words", () => {
    render();
    const row = (name: string) => screen.getByRole("row", { name: new RegExp(`^${name} `) });
    const cells = (name: string) => within(row(name)).getAllByRole("cell");
    const columns = screen.getAllByRole("columnheader").map((cell) => cell.textContent);
    const success = columns.indexOf("Success (24 h)");
    const last = columns.indexOf("Last result");
    expect(cells("Billing")[success]!.textContent).toBe("97.5%");
    expect(cells("Billing")[last]!.textContent).toBe("200 OK · 3 min ago");
    expect(cells("alerts")[success]!.textContent).toBe("25%");
    expect(cells("alerts")[last]!.textContent).toBe("Failed: timeout · 1 h ago");
    expect(cells("Crm")[success]!.textContent).toBe("—");
    expect(cells("Crm")[last]!.textContent).toBe("—");
    expect(cells("Docs")[last]!.textContent).toBe("Failed: address not allowed · 2 d ago");
  });

  it("sorts by a column's header, says so with aria-sort, and keeps the sort in the URL", () => {
    render();
    expect(names()).toEqual(["Billing", "alerts", "Crm", "Docs"]);
    for (const name of ["Name", "Status", "Success (24 h)", "Last delivery"]) {
      expect(header(name).getAttribute("aria-sort")).toBe("none");
    }
    expect(header("Last result").hasAttribute("aria-sort")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "Name" }));
    expect(names()).toEqual(["alerts", "Billing", "Crm", "Docs"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("ascending");
    expect(window.location.search).toBe("?sort=name&order=asc");

    fireEvent.click(screen.getByRole("button", { name: "Name" }));
    expect(names()).toEqual(["Docs", "Crm", "Billing", "alerts"]);
    expect(header("Name").getAttribute("aria-sort")).toBe("descending");
    expect(window.location.search).toBe("?sort=name&order=desc");

    // Success rate: lowest first, webhooks without attempts last either way.
    fireEvent.click(screen.getByRole("button", { name: "Success (24 h)" }));
    expect(names()).toEqual(["alerts", "Billing", "Crm", "Docs"]);
    expect(header("Success (24 h)").getAttribute("aria-sort")).toBe("ascending");
    expect(header("Name").getAttribute("aria-sort")).toBe("none");
    fireEvent.click(screen.getByRole("button", { name: "Success (24 h)" }));
    expect(names()).toEqual(["Billing", "alerts", "Crm", "Docs"]);
    expect(window.location.search).toBe("?sort=success&order=desc");

    // Status: those needing attention first.
    fireEvent.click(screen.getByRole("button", { name: "Status" }));
    expect(names()).toEqual(["Docs", "alerts", "Crm", "Billing"]);

    // Last delivery: the oldest first, never delivered last.
    fireEvent.click(screen.getByRole("button", { name: "Last delivery" }));
    expect(names()).toEqual(["Docs", "alerts", "Billing", "Crm"]);
    fireEvent.click(screen.getByRole("button", { name: "Last delivery" }));
    expect(names()).toEqual(["Billing", "alerts", "Docs", "Crm"]);
    expect(header("Last delivery").getAttribute("aria-sort")).toBe("descending");
  });

  it("starts from the sort the page's URL asked for", () => {
    render({ key: "success", direction: "descending" });
    expect(names()).toEqual(["Billing", "alerts", "Crm", "Docs"]);
    expect(header("Success (24 h)").getAttribute("aria-sort")).toBe("descending");
  });
});
