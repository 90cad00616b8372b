import "server-only";
import type { Metadata } from "next";
import { TokensTable } from "@/components/tokens/tokens-table";
import { requireOrgPage } from "@/lib/auth/org-page";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org } = await requireOrgPage((await params).orgSlug, "tokens:manage");
  return <TokensTable org={{ id: org.id, slug: org.slug }} apiOrigin={new URL(env.APP_URL).origin} />;
}
