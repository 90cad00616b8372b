import type { Metadata } from "next";
import { MembersTable } from "@/components/members/members-table";
import { PendingInvitations } from "@/components/members/pending-invitations";
import { requireOrgPage } from "@/lib/auth/org-page";
import { roleCan } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { org, role, user } = await requireOrgPage((await params).orgSlug);
  const orgRef = { id: org.id, slug: org.slug };
  const canManage = roleCan(role, "members:manage");
  return (
    <>
      <MembersTable org={orgRef} currentUserId={user.id} manager={canManage ? { actorRole: role } : null} />
      {canManage ? <PendingInvitations org={orgRef} /> : null}
    </>
  );
}
