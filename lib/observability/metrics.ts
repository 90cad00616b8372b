import "server-only";
import client from "prom-client";
import { withDeadline } from "@/lib/observability/deadline";
import { engineLag } from "@/lib/observability/engine-lag";
import { logger } from "@/lib/observability/logger";

export type AttemptOutcome = "success" | "failure";
export type DeliveryOutcome = "succeeded" | "failed";

const attemptOutcomes: AttemptOutcome[] = ["success", "failure"];
const deliveryOutcomes: DeliveryOutcome[] = ["succeeded", "failed"];

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics = {
    registry,
    eventsAccepted: new client.Counter({
      name: "webhook_hub_events_accepted_total",
      help: "Events accepted by the publish API and committed.",
      registers,
    }),
    deliveriesFinished: new client.Counter({
      name: "webhook_hub_deliveries_finished_total",
      help: "Deliveries that reached a final status, by outcome.",
      labelNames: ["outcome"],
      registers,
    }),
    attempts: new client.Counter({
      name: "webhook_hub_attempts_total",
      help: "HTTP attempts made to webhooks, by outcome.",
      labelNames: ["outcome"],
      registers,
    }),
    attemptDuration: new client.Histogram({
      name: "webhook_hub_attempt_duration_seconds",
      help: "How long webhooks took to answer an attempt, by outcome.",
      labelNames: ["outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    engineLag: new client.Gauge({
      name: "webhook_hub_engine_lag_seconds",
      help: "Age of the oldest work waiting: an undispatched event, a due delivery, or a due delivery of a webhook no run is working on.",
      labelNames: ["oldest"],
      registers,
      // Measured at scrape time, so a stalled engine shows even when nothing else reports. When the
      // database cannot say, the series go absent rather than stale, and the other metrics still answer.
      async collect() {
        try {
          const lag = await withDeadline(engineLag(), 2_000, "The engine lag query");
          this.set({ oldest: "undispatched_event" }, lag.oldestUndispatchedEventAgeMs / 1000);
          this.set({ oldest: "due_delivery" }, lag.oldestDueDeliveryAgeMs / 1000);
          this.set({ oldest: "unattended_delivery" }, lag.oldestUnattendedDeliveryAgeMs / 1000);
        } catch (error) {
          this.reset();
          logger.warn({ err: error }, "Could not measure the engine lag for the metrics");
        }
      },
    }),
  };
  // Every outcome's series exists from the start at 0, so rates work before the first of each.
  for (const outcome of attemptOutcomes) {
    metrics.attempts.inc({ outcome }, 0);
    metrics.attemptDuration.zero({ outcome });
  }
  for (const outcome of deliveryOutcomes) metrics.deliveriesFinished.inc({ outcome }, 0);
  return metrics;
}

// prom-client refuses a metric name registered twice; Next.js route bundles and dev reloads share this one set.
const globalForMetrics = globalThis as unknown as { webhookHubMetrics?: ReturnType<typeof createMetrics> };
const metrics = (globalForMetrics.webhookHubMetrics ??= createMetrics());

export function countEventsAccepted(count = 1) {
  metrics.eventsAccepted.inc(count);
}

export function recordAttempt({ outcome, durationMs }: { outcome: AttemptOutcome; durationMs: number }) {
  metrics.attempts.inc({ outcome });
  metrics.attemptDuration.observe({ outcome }, durationMs / 1000);
}

export function countDeliveryFinished(outcome: DeliveryOutcome) {
  metrics.deliveriesFinished.inc({ outcome });
}

/** Every metric in Prometheus text format. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}
