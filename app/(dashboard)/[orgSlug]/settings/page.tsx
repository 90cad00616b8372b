import type { Metadata } from "next";
import { OrgSettings } from "@/components/settings/org-settings";
import { requireOrgPage } from "@/lib/auth/org-page";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, "org:manage");
  return <OrgSettings org={{ id: org.id, slug: org.slug }} />;
}
