import type { WebhookFormat } from "@/generated/prisma/enums";

export interface TestPayloadContext {
  /** The project the webhook is for (project-level), or null for an org-level (global) webhook. */
  project: { key: string; name: string } | null;
  /** The hub's own address, where SonarQube would put its server URL. */
  serverUrl: string;
  now: Date;
}

// A global webhook's test names no real project; SonarQube receivers still need one to accept it.
export const testProjectKey = "webhook-hub-test";

/**
 * The payload of the `test` trigger a webhook's receivers must accept. CodeScoring documents an
 * empty payload, and DeepSource, DejaCode, SecurityScorecard and Standard Webhooks receivers take
 * one. A SonarQube receiver expects an analysis (seed 003: project, status, task, quality gate,
 * properties) and the project key in X-SonarQube-Project, so its test is a passed analysis of the
 * webhook's project, or of a stand-in project for a global webhook.
 */
export function testPayloadFor(
  format: WebhookFormat,
  { project, serverUrl, now }: TestPayloadContext,
): Record<string, unknown> {
  if (format !== "sonarqube") return {};
  const { key, name } = project ?? { key: testProjectKey, name: "Webhook Hub test" };
  return {
    serverUrl,
    taskId: `test-${now.getTime()}`,
    status: "SUCCESS",
    analysedAt: now.toISOString(),
    project: { key, name, url: new URL(`/dashboard?id=${encodeURIComponent(key)}`, serverUrl).toString() },
    properties: {},
    qualityGate: { name: "Webhook Hub test", status: "OK", conditions: [] },
  };
}
