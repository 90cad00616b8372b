import { BookOpenIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { roleCan } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/org-page";
import { listUserOrganizations } from "@/lib/orgs/orgs";

export default async function DashboardLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { org, role, user } = await requireOrgPage(orgSlug);
  const orgs = await listUserOrganizations(user.id);
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col gap-4 border-r border-zinc-200 bg-zinc-50/80 px-3 py-4">
        <div className="px-2">
          <Logo href={`/${org.slug}`} />
        </div>
        <OrgSwitcher current={{ slug: org.slug, name: org.name }} orgs={orgs} />
        <NavLinks orgSlug={org.slug} isAdmin={roleCan(role, "org:manage")} />
        <div className="mt-auto border-t border-zinc-200 pt-3">
          <Link
            href="/docs/api"
            className="mb-1 flex items-center gap-2.5 rounded-control px-2.5 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
          >
            <BookOpenIcon className="size-4 text-zinc-400" />
            API reference
          </Link>
          <UserMenu email={user.email} name={user.name} />
          <p className="mt-1 px-2.5 text-xs text-zinc-500">
            Role: <span className="font-medium text-zinc-700">{role}</span>
          </p>
        </div>
      </aside>
      <main className="min-w-0 flex-1 bg-white">
        <div className="mx-auto max-w-5xl px-8 py-8">{children}</div>
      </main>
    </div>
  );
}
