import "server-only";
import { db } from "@/lib/db";
import { TtlCache, type Clock } from "@/lib/cache/ttl-cache";

/** What publishing needs of a trigger: enough to find its compiled payload schema. */
export interface TriggerRow {
  id: string;
  updatedAt: Date;
  schema: unknown;
}

// A trigger created or changed through another instance is seen here within this long.
export const catalogCacheTtlMs = 5_000;
const maxCachedOrgs = 5_000;

async function loadCatalog(orgId: string): Promise<Map<string, TriggerRow>> {
  const rows = await db.eventType.findMany({
    where: { orgId },
    select: { name: true, id: true, updatedAt: true, schema: true },
  });
  return new Map(rows.map(({ name, ...trigger }) => [name, trigger]));
}

/** Each org's trigger catalog by name, read once per TTL rather than once per published event. */
export function createTriggerCache(now: Clock = Date.now) {
  const catalogs = new TtlCache<string, Map<string, TriggerRow>>(catalogCacheTtlMs, maxCachedOrgs, now);
  return {
    async trigger(orgId: string, name: string): Promise<TriggerRow | null> {
      return (await catalogs.getOrLoad(orgId, () => loadCatalog(orgId))).get(name) ?? null;
    },
    forget(orgId: string) {
      catalogs.delete(orgId);
    },
  };
}

const triggers = createTriggerCache();

export const cachedTrigger = (orgId: string, name: string) => triggers.trigger(orgId, name);
/** Call after the org's catalog changed: this instance sees the change at once. */
export const forgetCatalog = (orgId: string) => triggers.forget(orgId);
