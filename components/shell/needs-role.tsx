import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import type { Role } from "@/generated/prisma/enums";

/** What a member sees on a screen their role does not open: which role it needs and who can grant it. */
export function NeedsRole({
  title,
  orgSlug,
  role,
  needed,
}: {
  title: string;
  orgSlug: string;
  role: Role;
  needed: Role;
}) {
  return (
    <>
      <PageHeader title={title} />
      <div role="status" className="rounded-card border border-zinc-200 bg-zinc-50 px-6 py-8 text-sm text-zinc-700">
        <p className="font-medium text-zinc-900">You need the {needed} role to open this page.</p>
        <p className="mt-1">
          Your role in this organization is {role}. Ask an owner or an admin of the organization to change it on the
          Members page.
        </p>
        <Link href={`/${orgSlug}`} className="mt-4 inline-block font-medium text-accent-700 hover:text-accent-800">
          Back to the overview
        </Link>
      </div>
    </>
  );
}
