import type { z } from "zod";
import type { ApiOperation, ApiTag } from "@/lib/openapi/operation";
import { codescoringOperations, codescoringSchemas } from "@/lib/openapi/operations/codescoring";
import { deliveryOperations, deliverySchemas } from "@/lib/openapi/operations/deliveries";
import { eventTypeOperations, eventTypeSchemas } from "@/lib/openapi/operations/event-types";
import { eventOperations, eventSchemas } from "@/lib/openapi/operations/events";
import { organizationOperations, organizationSchemas } from "@/lib/openapi/operations/organization";
import { portfolioOperations, portfolioSchemas } from "@/lib/openapi/operations/portfolios";
import { projectOperations, projectSchemas } from "@/lib/openapi/operations/projects";
import { webhookOperations, webhookSchemas } from "@/lib/openapi/operations/webhooks";

/*
 * Every API operation, declared once per domain in this folder. The route handlers serve them with
 * `route(operation, handler)` (lib/http/route.ts), which takes the permission, the input schemas
 * and the output schema from the declaration; the OpenAPI document is built from the same objects.
 * document.test.ts fails if a route file serves an operation that is not listed here, or the reverse.
 */

/** In the document's order. */
export const apiOperations: readonly ApiOperation[] = [
  ...Object.values(projectOperations),
  ...Object.values(portfolioOperations),
  ...Object.values(webhookOperations),
  ...Object.values(deliveryOperations),
  ...Object.values(eventOperations),
  ...Object.values(eventTypeOperations),
  ...Object.values(organizationOperations),
  ...Object.values(codescoringOperations),
];

/** One name per schema and one schema per name, across the domains. */
function uniquelyNamed(...groups: Record<string, z.ZodType>[]): Record<string, z.ZodType> {
  const named: Record<string, z.ZodType> = {};
  const names = new Map<z.ZodType, string>();
  for (const [name, schema] of groups.flatMap((group) => Object.entries(group))) {
    if (name in named) throw new Error(`OpenAPI: two schemas are named "${name}".`);
    if (names.has(schema)) throw new Error(`OpenAPI: one schema is named both "${names.get(schema)}" and "${name}".`);
    named[name] = schema;
    names.set(schema, name);
  }
  return named;
}

/**
 * Schemas published under `components.schemas`, by name. Operations use these same objects, so
 * the document refers to them by `$ref`; a schema an operation uses that is not named here is
 * still documented, under a name made from the operation id.
 */
export const apiSchemas = uniquelyNamed(
  projectSchemas,
  portfolioSchemas,
  webhookSchemas,
  deliverySchemas,
  eventSchemas,
  eventTypeSchemas,
  organizationSchemas,
  codescoringSchemas,
);

export const apiTags: { name: ApiTag; description: string }[] = [
  { name: "Projects", description: "The projects webhooks can be scoped to." },
  {
    name: "Portfolios",
    description:
      'Named, saved selections of projects (SecurityScorecard\'s "Selected Portfolio"). An org-level webhook scoped to a portfolio receives the events of exactly its projects, and follows it as projects are added or removed.',
  },
  { name: "Webhooks", description: "Where events are delivered, how they are signed, batched and retried." },
  { name: "Events", description: "Publish events; the hub delivers them to every matching webhook." },
  {
    name: "Deliveries",
    description: "Delivery history: every request to a webhook and each attempt of it; retry and recover.",
  },
  { name: "Triggers", description: "The org's catalog of event types (triggers) webhooks subscribe to." },
  { name: "Organization", description: "The organization the caller acts in." },
  { name: "Members", description: "People in the organization and their roles." },
  { name: "Invitations", description: "Pending invitations to join the organization." },
  { name: "API tokens", description: "Org API tokens for the REST API." },
  { name: "Emails", description: "The outbox: every email the hub sent for this org." },
  { name: "Audit log", description: "Who changed what, newest first." },
  {
    name: "CodeScoring-compatible API",
    description:
      "CodeScoring's webhook API (Settings → Webhooks) at its own paths, for clients written against CodeScoring: every path also answers with a trailing slash, as CodeScoring writes them, without a redirect. Fields are CodeScoring's form fields (name, url, projects, events, token); webhooks are always in the CodeScoring format. Same org API tokens and permissions as the native API; it lists and changes only CodeScoring webhooks.",
  },
];
