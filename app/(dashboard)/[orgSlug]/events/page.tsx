import type { Metadata } from "next";
import { EventLog } from "@/components/events/event-log";
import { NeedsRole } from "@/components/shell/needs-role";
import { orgPageAccess } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Events" };

/** The event and delivery log; its search lives in the URL's query, read by the client component. */
export default async function EventsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { page, needsRole } = await orgPageAccess((await params).orgSlug, "events:read");
  if (needsRole) return <NeedsRole title="Events" orgSlug={page.org.slug} role={page.role} needed={needsRole} />;
  const { org, role } = page;
  return <EventLog org={{ id: org.id, slug: org.slug }} canReplay={roleCan(role, "deliveries:write")} />;
}
