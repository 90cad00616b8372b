import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActivationPanel } from "@/components/deliveries/activation-panel";
import { DeliveryCharts } from "@/components/deliveries/delivery-charts";
import { DeliveryDialog } from "@/components/deliveries/delivery-dialog";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryStatusBadge } from "@/components/deliveries/delivery-status-badge";
import { DeliveryHistory } from "@/components/deliveries/delivery-history";
import { deliveryKeys, type DeliveryDetail, type DeliverySummary, type WebhookStats } from "@/components/deliveries/queries";
import { ToastProvider } from "@/components/ui/toast";
import { WebhookFormProvider } from "@/components/webhooks/form/form-context";
import { newWebhookValues } from "@/components/webhooks/form/form-schema";
import { TestIt } from "@/components/webhooks/form/test-it";
import { eventTypeKeys } from "@/lib/event-types/queries";
import type { Webhook } from "@/lib/webhooks/queries";

// Server-rendered with the query cache filled as the API would fill it: what the first paint shows.
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
  createdAt: "2026-11-20T10:05:00.000Z",
  ...patch,
});

const detail: DeliveryDetail = {
  ...summary("dlv_a", { status: "succeeded", attemptCount: 2 }),
  events: [{ id: "evt_1", type: "project_sca_analysis_finished", projectId: null, createdAt: "2026-11-20T10:00:00.000Z" }],
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
  buckets: Array.from({ length: 24 }, (_, index) => ({ start: hour(index), attempts: 0, succeeded: 0, failed: 0, p50Ms: null, p95Ms: null })).map((bucket, index) =>
    index === 23 ? { ...bucket, attempts: 3, succeeded: 2, failed: 1, p50Ms: 200, p95Ms: 290 } : bucket,
  ),
};

const webhook = { id: webhookId, status: "pending", statusReason: "Test event failed: HTTP 500" } as Webhook;

function render(element: ReactElement, fill: (client: QueryClient) => void = () => {}) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  fill(client);
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(ToastProvider, null, element)));
}

const withHistory = (client: QueryClient) => {
  client.setQueryData(deliveryKeys.list(org, webhookId, {}), {
    pages: [{ data: [summary("dlv_a"), summary("dlv_b", { status: "retrying", lastResponseStatus: null, lastErrorClass: "timeout", nextAttemptAt: "2026-11-20T11:00:00.000Z" })], nextCursor: "dlv_b" }],
    pageParams: [null],
  });
  client.setQueryData(eventTypeKeys.all(org), { data: [{ name: "test" }, { name: "project_sca_analysis_finished" }] });
};

describe("delivery history", () => {
  it("shows the latest result first, filters, every row with view and retry, and more pages", () => {
    const html = render(createElement(DeliveryHistory, { org, webhookId, canRetry: true }), withHistory);
    expect(html).toContain("Delivery history");
    expect(html).toMatch(/data-testid="latest-delivery".*Succeeded.*HTTP 200 · 120 ms/);
    expect(html).toContain('aria-label="View delivery dlv_a"');
    expect(html).toContain('aria-label="Retry delivery dlv_b"');
    expect(html).toContain("timeout");
    expect(html).toContain("Recover failed since…");
    expect(html).toContain('<option value="project_sca_analysis_finished">');
    expect(html).toContain("Load more");
  });

  it("offers no retry or recover to someone who may only read", () => {
    const html = render(createElement(DeliveryHistory, { org, webhookId, canRetry: false }), withHistory);
    expect(html).toContain('aria-label="View delivery dlv_a"');
    expect(html).not.toContain("Retry delivery");
    expect(html).not.toContain("Recover failed since");
  });
});

describe("a delivery's details", () => {
  it("shows its events and each attempt's request, response, duration, error and trigger, newest open", () => {
    const html = render(createElement(DeliveryDialog, { org, webhookId, deliveryId: "dlv_a", canRetry: true, onClose: () => {} }), (client) =>
      client.setQueryData(deliveryKeys.detail(org, "dlv_a"), detail),
    );
    expect(html).toContain("project_sca_analysis_finished");
    expect(html.indexOf("Attempt 2")).toBeLessThan(html.indexOf("Attempt 1"));
    expect(html).toMatch(/<details open="" [^>]*data-testid="attempt"><summary[^>]*><h3[^>]*>Attempt 2</);
    expect(html).toContain("x-codescoring-authentication");
    expect(html).toContain("••••••••");
    expect(html).toContain("&quot;trigger&quot;: &quot;project_sca_analysis_finished&quot;");
    expect(html).toContain("no answer within 5000 ms");
    expect(html).toContain("Manual retry");
    expect(html).toContain("Truncated");
    expect(html).toContain("5.00 s");
    expect(html).toContain("Retry now");
  });
});

describe("charts", () => {
  it("draws success rate and latency as labelled images with a table of the numbers", () => {
    const html = render(createElement(DeliveryCharts, { org, webhookId }), (client) => client.setQueryData(deliveryKeys.stats(org, webhookId, "24h"), stats));
    expect(html).toContain("3 attempts in the last 24 hours, 67% succeeded; slowest p95 290 ms.");
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain("<title");
    expect(html).toContain("Success rate");
    expect(html).toContain("Latency");
    expect(html).toMatch(/aria-pressed="true"[^>]*>24h<\/button>/);
    expect(html).toContain("Show the data as a table");
    expect(html).toContain(">67%</td>");
  });
});

describe("activation", () => {
  it("says a pending webhook awaits a 2xx, with the last probe and a button to send one", () => {
    const html = render(createElement(ActivationPanel, { org, webhook, status: "pending", canWrite: true }), (client) =>
      client.setQueryData(deliveryKeys.latestTest(org, webhookId), summary("dlv_t", { status: "failed", isTest: true, lastResponseStatus: 500 })),
    );
    expect(html).toContain("Awaiting activation: the test event must get a 2xx");
    expect(html).toContain("Test event failed: HTTP 500");
    expect(html).toMatch(/Last test event: <span[^>]*>failed<\/span>, HTTP 500 in 120 ms/);
    expect(html).toContain(">Send test event</button>");
  });

  it("offers Refresh availability for a disabled webhook", () => {
    const html = render(createElement(ActivationPanel, { org, webhook: { ...webhook, status: "disabled" }, status: "disabled", canWrite: true }), (client) =>
      client.setQueryData(deliveryKeys.latestTest(org, webhookId), null),
    );
    expect(html).toContain("No test event has been sent yet.");
    expect(html).toContain(">Refresh availability</button>");
    // Unlike a paused webhook, a disabled one holds nothing: what it missed is recovered by hand.
    expect(html).toContain("Recover failed since…");
  });
});

describe("held deliveries", () => {
  it("labels a held delivery and offers held as a history filter", () => {
    expect(renderToStaticMarkup(createElement(DeliveryStatusBadge, { status: "held" }))).toContain("Held");
    expect(renderToStaticMarkup(createElement(DeliveryFilters, { filters: {}, onChange: () => undefined, eventTypes: [] }))).toContain('value="held"');
  });
});

describe("Test it", () => {
  it("is a non-submitting button that says which saved credentials the test cannot use", () => {
    const html = render(
      createElement(
        WebhookFormProvider,
        { defaultValues: { ...newWebhookValues(), url: "https://receiver.example.com" } },
        createElement(TestIt, { org, stored: { secretSet: true, tokenSet: false, basicAuthSet: false } }),
      ),
    );
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Test it<\/button>/);
    expect(html).toContain("The saved signing secret is not used");
  });
});
