import "server-only";
import { db } from "@/lib/db";
import { TtlCache, type Clock } from "@/lib/cache/ttl-cache";

// A project renamed or removed through another instance is seen here within this long.
export const projectCacheTtlMs = 5_000;
const maxCachedRefs = 20_000;

/** Resolves a project key or id to the project's id (null when the org has no such project), cached briefly. */
export function createProjectCache(now: Clock = Date.now) {
  const ids = new TtlCache<string, string | null>(projectCacheTtlMs, maxCachedRefs, now);
  return {
    resolve(orgId: string, ref: string): Promise<string | null> {
      return ids.getOrLoad(`${orgId}\u0000${ref}`, async () => {
        const row = await db.project.findFirst({
          where: { orgId, OR: [{ key: ref }, { id: ref }] },
          select: { id: true },
        });
        return row?.id ?? null;
      });
    },
    forget(orgId: string) {
      ids.deleteWhere((key) => key.startsWith(`${orgId}\u0000`));
    },
  };
}

const projects = createProjectCache();

export const resolveProjectRef = (orgId: string, ref: string) => projects.resolve(orgId, ref);
/** Call after a project of the org was created, renamed or deleted. */
export const forgetProjects = (orgId: string) => projects.forget(orgId);
