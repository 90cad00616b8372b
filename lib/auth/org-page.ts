import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { memberContext } from "@/lib/auth/org-context";
import { lowestRoleWith, roleCan, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/generated/prisma/enums";
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

export type OrgPage = Awaited<ReturnType<typeof requireOrgPage>>;

/**
 * For pages: like requireOrgPage with a permission, but a member who lacks it is told which role
 * the page needs instead of seeing a 404. Someone outside the org still gets the 404.
 */
export async function orgPageAccess(
  orgSlug: string,
  permission: Permission,
): Promise<{ page: OrgPage; needsRole?: never } | { page: OrgPage; needsRole: Role }> {
  const page = await requireOrgPage(orgSlug);
  return roleCan(page.role, permission) ? { page } : { page, needsRole: lowestRoleWith(permission) };
}
