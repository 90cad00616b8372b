import type { Metadata } from "next";
import { OrgSettings } from "@/components/settings/org-settings";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { lowestRoleWith, roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "org:manage");
  if (needsRole) return <NeedsRole title="Settings" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org } = page;
  const ownerSettingsNeedRole = roleCan(page.role, "org:limits") ? null : lowestRoleWith("org:limits");
  return <OrgSettings org={{ id: org.id, slug: org.slug }} ownerSettingsNeedRole={ownerSettingsNeedRole} />;
}
