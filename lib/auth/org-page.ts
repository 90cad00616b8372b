import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { memberContext } from "@/lib/auth/org-context";
import { roleCan, type Permission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/**
 * The tenant gate for dashboard pages and server actions: the signed-in user's membership in
 * the org named by the URL. Not a member, or lacking the permission: the page does not exist.
 */
export const requireOrgPage = cache(async (orgSlug: string, permission?: Permission) => {
  const user = await requireUser();
  const ctx = await memberContext(user.id, orgSlug);
  if (!ctx || !ctx.role) notFound();
  if (permission && !roleCan(ctx.role, permission)) notFound();
  return { ...ctx, role: ctx.role, user };
});
