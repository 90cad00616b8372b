import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { describeScope } from "@/components/webhooks/scope";
import { formatMs, formatSeconds } from "@/components/webhooks/durations";
import { retrySchedules } from "@/components/webhooks/retry-schedules";
import { formatDate } from "@/lib/client/format";
import type { Member } from "@/lib/orgs/queries";
import type { Project } from "@/lib/projects/queries";
import { productScopeName, scopeKind } from "@/lib/webhooks/scope-names";
import { presets } from "@/lib/webhooks/presets";
import type { Webhook } from "@/lib/webhooks/queries";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-zinc-500">{term}</dt>
      <dd className="min-w-0 text-sm text-zinc-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

const none = <span className="text-zinc-500">None</span>;

function Names({ names }: { names: readonly string[] }) {
  if (names.length === 0) return none;
  return (
    <span className="flex flex-wrap gap-1.5">
      {names.map((name) => (
        <code key={name} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800">
          {name}
        </code>
      ))}
    </span>
  );
}

const isSet = (set: boolean) => (set ? <Badge tone="success">Set</Badge> : <Badge>Not set</Badge>);

/** "Set", and while a rotation overlaps, until when the previous secret still signs. */
function signingSecret(webhook: Webhook) {
  if (!webhook.previousSecretValidUntil) return isSet(webhook.secretSet);
  return (
    <span className="flex flex-wrap items-center gap-2">
      {isSet(webhook.secretSet)}
      <span data-testid="previous-secret-valid-until">
        Previous secret valid until {formatDate(webhook.previousSecretValidUntil)}
      </span>
    </span>
  );
}

function retryText(policy: Webhook["retryPolicy"]) {
  const schedule = retrySchedules[policy.schedule];
  if (policy.schedule === "custom") return `Custom: ${(policy.delaysSeconds ?? []).map(formatSeconds).join(" → ")}`;
  return `${schedule.label}: ${schedule.description}`;
}

function ownerText(ownerId: string | null, members: readonly Member[]) {
  if (!ownerId) return none;
  const member = members.find((candidate) => candidate.id === ownerId);
  return member ? (member.user.name ? `${member.user.name} (${member.user.email})` : member.user.email) : ownerId;
}

/** Every setting of a webhook; write-only values only as "Set" / "Not set". */
export function WebhookSummary({
  webhook,
  projects,
  members,
}: {
  webhook: Webhook;
  projects: ReadonlyMap<string, Project>;
  members: readonly Member[];
}) {
  const scope = describeScope(webhook, projects);
  const scopeKeys =
    webhook.scope === "project" ? [scope.label] : webhook.projectIds.map((id) => projects.get(id)?.key ?? id);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Settings</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="divide-y divide-zinc-100">
          <Row term="Format">{presets[webhook.format].label}</Row>
          <Row term="Scope">
            {webhook.scope === "project"
              ? "One project: "
              : scopeKeys.length === 0
                ? "All projects"
                : "Selected projects: "}
            {scopeKeys.length > 0 ? <Names names={scopeKeys} /> : null}
            {webhook.portfolioId ? " (a portfolio: the webhook follows its projects)" : null}
            {productScopeName(webhook.format, scopeKind(webhook))
              ? ` — SecurityScorecard: ${productScopeName(webhook.format, scopeKind(webhook))}`
              : null}
          </Row>
          <Row term="Triggers">{webhook.triggers.length === 0 ? "All events" : <Names names={webhook.triggers} />}</Row>
          <Row term="Signing secret">{signingSecret(webhook)}</Row>
          <Row term="Token">{isSet(webhook.tokenSet)}</Row>
          <Row term="Basic auth">{isSet(webhook.basicAuthSet)}</Row>
          <Row term="Extra headers">
            <Names
              names={[...Object.keys(webhook.headers), ...webhook.secretHeaderNames.map((name) => `${name} (secret)`)]}
            />
          </Row>
          <Row term="Extra payload">
            <Names names={Object.keys(webhook.extraPayload)} />
          </Row>
          <Row term="Delivery">
            {webhook.deliveryMode === "batched"
              ? `Batched: events within ${formatMs(webhook.batchWindowMs)} go out together, up to ${webhook.batchMaxSize} per request`
              : "Single: one request per event"}
          </Row>
          <Row term="Timeout">{formatMs(webhook.timeoutMs)}</Row>
          <Row term="Retry schedule">{retryText(webhook.retryPolicy)}</Row>
          <Row term="Activation">
            {webhook.activationRequired
              ? "A new URL waits for a 2xx to its test event"
              : "Delivers from the moment it is saved"}
          </Row>
          <Row term="410 Gone">
            {webhook.disableOnGone ? "Disables the webhook at once" : "Retried like any failure"}
          </Row>
          <Row term="Rate limit">
            {webhook.rateLimitPerSecond === null ? "No limit" : `${webhook.rateLimitPerSecond} per second`}
          </Row>
          {webhook.followUpUrls.length > 0 ? (
            <Row term="Follow-up web requests">
              {webhook.followUpUrls
                .map((url, index) => (webhook.followUpBasicAuthSet[index] ? `${url} (Basic auth set)` : url))
                .join(", ")}
            </Row>
          ) : null}
          <Row term="Owner">{ownerText(webhook.ownerId, members)}</Row>
          <Row term="Created">{formatDate(webhook.createdAt)}</Row>
          <Row term="Updated">{formatDate(webhook.updatedAt)}</Row>
        </dl>
      </CardContent>
    </Card>
  );
}
