import "server-only";
import type { Metadata } from "next";
import { TokensTable } from "@/components/tokens/tokens-table";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "tokens:manage");
  if (needsRole) return <NeedsRole title="API tokens" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org } = page;
  return <TokensTable org={{ id: org.id, slug: org.slug }} apiOrigin={new URL(env.APP_URL).origin} />;
}
