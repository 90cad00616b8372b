// @vitest-environment happy-dom
import type { QueryClient } from "@tanstack/react-query";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { ActivationPanel } from "@/components/deliveries/activation-panel";
import { DeliveryCharts } from "@/components/deliveries/delivery-charts";
import { DeliveryDialog } from "@/components/deliveries/delivery-dialog";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryHistory } from "@/components/deliveries/delivery-history";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import {
  deliveryKeys,
  type DeliveryDetail,
  type DeliverySummary,
  type WebhookStats,
} from "@/components/deliveries/queries";
import { WebhookFormProvider } from "@/components/webhooks/form/form-context";
import { newWebhookValues } from "@/components/webhooks/form/form-schema";
import { TestIt } from "@/components/webhooks/form/test-it";
import { eventTypeKeys } from "@/lib/event-types/queries";
import type { Webhook } from "@/lib/webhooks/queries";
import { renderWithQueries as render } from "@/test/render";

// Rendered with the query cache filled as the API would fill it, and queried as a person reads the page.
const org = { id: "org_1", slug: "acme" };
const webhookId = "wh_1";

const summary = (id: string, patch: Partial<DeliverySummary> = {}): DeliverySummary => ({
  id,
  webhookId,
  status: "succeeded",
  isTest: false,
  eventTypes: ["project_sca_analysis_finished"],
  eventCount: 1,
  attemptCount: 1,
  lastAttemptAt: "2026-11-20T10:05:00.000Z",
  nextAttemptAt: null,
  lastResponseStatus: 200,
  lastErrorClass: null,
  lastDurationMs: 120,
  lastRequestUrl: "https://hooks.example.com/in",
  createdAt: "2026-11-20T10:05:00.000Z",
  ...patch,
});

const detail: DeliveryDetail = {
  ...summary("dlv_a", { status: "succeeded", attemptCount: 2 }),
  events: [
    { id: "evt_1", type: "project_sca_analysis_finished", projectId: null, createdAt: "2026-11-20T10:00:00.000Z" },
  ],
  attempts: [
    {
      id: "att_1",
      number: 1,
      trigger: "scheduled",
      followUp: 0,
      requestUrl: "https://receiver.example.com/hook",
      requestHeaders: { "x-codescoring-authentication": "••••••••" },
      requestBody: '{"events":[{"trigger":"project_sca_analysis_finished"}]}',
      responseStatus: null,
      responseHeaders: null,
      responseBody: null,
      responseTruncated: false,
      durationMs: 5000,
      success: false,
      errorClass: "timeout",
      errorMessage: "no answer within 5000 ms",
      createdAt: "2026-11-20T10:00:00.000Z",
    },
    {
      id: "att_2",
      number: 2,
      trigger: "manual",
      followUp: 0,
      requestUrl: "https://receiver.example.com/hook",
      requestHeaders: { "content-type": "application/json" },
      requestBody: "{}",
      responseStatus: 200,
      responseHeaders: { server: "receiver" },
      responseBody: "ok",
      responseTruncated: true,
      durationMs: 120,
      success: true,
      errorClass: null,
      errorMessage: null,
      createdAt: "2026-11-20T10:05:00.000Z",
    },
  ],
};

const hour = (index: number) => new Date(Date.UTC(2026, 10, 19, 11 + index)).toISOString();
const stats: WebhookStats = {
  range: "24h",
  bucketSeconds: 3600,
  buckets: Array.from({ length: 24 }, (_, index) => ({
    start: hour(index),
    attempts: 0,
    succeeded: 0,
    failed: 0,
    p50Ms: null,
    p95Ms: null,
  })).map((bucket, index) =>
    index === 23 ? { ...bucket, attempts: 3, succeeded: 2, failed: 1, p50Ms: 200, p95Ms: 290 } : bucket,
  ),
};

const webhook = {
  id: webhookId,
  url: "https://hooks.example.com/in",
  status: "pending",
  statusReason: "Test event failed: HTTP 500",
} as Webhook;

afterEach(cleanup);

const withHistory = (client: QueryClient) => {
  client.setQueryData(deliveryKeys.list(org, webhookId, {}), {
    pages: [
      {
        data: [
          summary("dlv_a"),
          summary("dlv_b", {
            status: "retrying",
            lastResponseStatus: null,
            lastErrorClass: "timeout",
            nextAttemptAt: "2026-11-20T11:00:00.000Z",
          }),
        ],
        nextCursor: "dlv_b",
      },
    ],
    pageParams: [null],
  });
  client.setQueryData(eventTypeKeys.all(org), { data: [{ name: "test" }, { name: "project_sca_analysis_finished" }] });
};

/** The data rows of the deliveries table, as [status, last result] and the row itself. */
function deliveryRows() {
  const table = screen.getByRole("table", { name: "Deliveries" });
  const [header, ...rows] = within(table).getAllByRole("row");
  expect(
    within(header!)
      .getAllByRole("columnheader")
      .map((cell) => cell.textContent),
  ).toEqual(["Status", "Last result", "Events", "Attempts", "Last attempt", "Next attempt", "Actions"]);
  return rows;
}

describe("delivery history", () => {
  it("shows the latest result first, filters, every row with view and retry, and more pages", () => {
    render(createElement(DeliveryHistory, { org, webhookId, canRetry: true }), withHistory);
    const history = screen.getByRole("region", { name: "Delivery history" });
    within(history).getByRole("heading", { name: "Delivery history" });
    const latest = within(history).getByRole("region", { name: "Latest delivery" });
    within(latest).getByText("Succeeded");
    within(latest).getByText("HTTP 200 · 120 ms");
    within(latest).getByRole("button", { name: "View payload and response" });

    const [first, second, ...others] = deliveryRows();
    expect(others).toHaveLength(0);
    within(first!).getByRole("button", { name: "View delivery dlv_a" });
    within(first!).getByRole("button", { name: "Retry delivery dlv_a" });
    within(second!).getByText("Retrying");
    within(second!).getByRole("cell", { name: "timeout · 120 ms" });
    within(second!).getByRole("button", { name: "View delivery dlv_b" });
    within(second!).getByRole("button", { name: "Retry delivery dlv_b" });

    screen.getByRole("button", { name: "Recover failed since…" });
    const eventType = screen.getByRole("combobox", { name: "Event type" });
    expect(
      within(eventType).getByRole<HTMLOptionElement>("option", { name: "project_sca_analysis_finished" }).value,
    ).toBe("project_sca_analysis_finished");
    screen.getByRole("button", { name: "Load more" });
  });

  it("offers no retry or recover to someone who may only read", () => {
    render(createElement(DeliveryHistory, { org, webhookId, canRetry: false }), withHistory);
    const [first] = deliveryRows();
    within(first!).getByRole("button", { name: "View delivery dlv_a" });
    expect(screen.queryAllByRole("button", { name: /^Retry delivery/ })).toHaveLength(0);
    expect(screen.queryByRole("button", { name: "Recover failed since…" })).toBeNull();
  });
});

describe("a delivery's details", () => {
  it("shows its events and each attempt's request, response, duration, error and trigger, newest open", () => {
    render(
      createElement(DeliveryDialog, { org, webhookId, deliveryId: "dlv_a", canRetry: true, onClose: () => {} }),
      (client) => client.setQueryData(deliveryKeys.detail(org, "dlv_a"), detail),
    );
    const dialog = screen.getByRole("dialog", { name: "Delivery dlv_a" });
    const events = within(dialog).getByRole("region", { name: "Event" });
    within(events).getByText("project_sca_analysis_finished");

    const attempts = within(dialog).getByRole("region", { name: "Attempts" });
    const headings = within(attempts).getAllByRole("heading", { level: 3 });
    expect(headings.map((heading) => heading.textContent)).toEqual(["Attempt 2", "Attempt 1"]);
    expect(headings.map((heading) => heading.closest("details")?.open)).toEqual([true, false]);

    const [newest, oldest] = headings.map((heading) => within(heading.closest("details")!));
    newest!.getByText("Manual retry");
    newest!.getByText("Truncated", { exact: false });
    oldest!.getByText("5.00 s");
    oldest!.getByText("no answer within 5000 ms", { exact: false });
    const sentHeaders = oldest!.getByLabelText("Attempt 1 request headers");
    expect(within(sentHeaders).getByRole("term").textContent).toBe("x-codescoring-authentication");
    expect(within(sentHeaders).getByRole("definition").textContent).toBe("••••••••");
    expect(oldest!.getByLabelText("Attempt 1 request body").textContent).toContain(
      '"trigger": "project_sca_analysis_finished"',
    );
    within(dialog).getByRole("button", { name: "Retry now" });
  });

  it("opens with focus on the dialog itself, not on Retry now, so an Enter on arrival sends nothing", async () => {
    render(
      createElement(DeliveryDialog, { org, webhookId, deliveryId: "dlv_a", canRetry: true, onClose: () => {} }),
      (client) => client.setQueryData(deliveryKeys.detail(org, "dlv_a"), detail),
    );
    const dialog = screen.getByRole("dialog", { name: "Delivery dlv_a" });
    await waitFor(() => expect(document.activeElement).toBe(dialog));
  });
});

describe("charts", () => {
  it("draws success rate and latency as labelled images with a table of the numbers", () => {
    render(createElement(DeliveryCharts, { org, webhookId }), (client) =>
      client.setQueryData(deliveryKeys.stats(org, webhookId, "24h"), stats),
    );
    screen.getByText("3 attempts in the last 24 hours, 67% succeeded; slowest p95 290 ms.");
    const charts = screen.getAllByRole("img", { name: /^(Success rate|Latency) / });
    expect(charts).toHaveLength(2);
    screen.getByRole("img", { name: /^Success rate Share of attempts answered with 2xx/ });
    screen.getByRole("img", { name: /^Latency Median \(p50\)/ });
    expect(
      within(screen.getByRole("radiogroup", { name: "Chart range" })).getByRole("radio", { checked: true }).textContent,
    ).toBe("24h");

    // The folded table has the same numbers: the last hour's success rate.
    expect(screen.getAllByText("Show the data as a table")).toHaveLength(2);
    const table = screen.getByRole("table", { name: "Success rate" });
    const lastHour = within(table).getAllByRole("row").at(-1)!;
    expect(within(lastHour).getByRole("cell").textContent).toBe("67%");
  });
});

describe("activation", () => {
  it("says a pending webhook awaits a 2xx, with the last probe and a button to send one", () => {
    render(createElement(ActivationPanel, { org, webhook, status: "pending", canWrite: true }), (client) =>
      client.setQueryData(
        deliveryKeys.latestTest(org, webhookId),
        summary("dlv_t", { status: "failed", isTest: true, lastResponseStatus: 500 }),
      ),
    );
    const panel = screen.getByRole("region", { name: "Activation" });
    within(panel).getByText("Awaiting activation: the test event must get a 2xx");
    // The outcome is said once, from the test delivery itself, not again from the webhook's status reason.
    expect(within(panel).queryByText("Test event failed: HTTP 500")).toBeNull();
    within(panel).getByText(
      (_, element) =>
        element?.tagName === "P" &&
        /^Last test event: failed, HTTP 500 in 120 ms, .+\.$/.test(element.textContent ?? ""),
    );
    within(panel).getByRole("button", { name: "Send test event" });
  });

  it("does not pass off a test of the webhook's previous URL as this one's", () => {
    render(createElement(ActivationPanel, { org, webhook, status: "pending", canWrite: true }), (client) =>
      client.setQueryData(
        deliveryKeys.latestTest(org, webhookId),
        summary("dlv_old", { isTest: true, lastRequestUrl: "https://old.example.com/in" }),
      ),
    );
    const panel = screen.getByRole("region", { name: "Activation" });
    within(panel).getByText("The test event to this URL is on its way.");
    expect(within(panel).queryByText(/^Last test event/)).toBeNull();
  });

  it("offers Refresh availability for a disabled webhook", () => {
    render(
      createElement(ActivationPanel, {
        org,
        webhook: { ...webhook, status: "disabled" },
        status: "disabled",
        canWrite: true,
      }),
      (client) => client.setQueryData(deliveryKeys.latestTest(org, webhookId), null),
    );
    const panel = screen.getByRole("region", { name: "Activation" });
    within(panel).getByText("No test event has been sent yet.");
    within(panel).getByRole("button", { name: "Refresh availability" });
    // Unlike a paused webhook, a disabled one holds nothing: what it missed is recovered by hand.
    within(panel).getByText(/"Recover failed since…" sends them again\.$/);
  });
});

describe("held deliveries", () => {
  it("labels a held delivery and offers held as a history filter", () => {
    render(createElement(DeliveryStatusBadge, { status: "held" }));
    screen.getByText("Held");
    cleanup();
    render(createElement(DeliveryFilters, { filters: {}, onChange: () => undefined, eventTypes: [] }));
    const status = screen.getByRole("combobox", { name: "Status" });
    expect(within(status).getByRole<HTMLOptionElement>("option", { name: "Held" }).value).toBe("held");
  });
});

describe("Test it", () => {
  it("is a non-submitting button that says which saved credentials the test cannot use", () => {
    render(
      createElement(
        WebhookFormProvider,
        { defaultValues: { ...newWebhookValues(), url: "https://receiver.example.com" } },
        createElement(TestIt, { org, stored: { secretSet: true, tokenSet: false, basicAuthSet: false } }),
      ),
    );
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Test it" }).type).toBe("button");
    screen.getByText(/^The saved signing secret is not used/);
  });
});
