import Link from "next/link";
import { BookOpen } from "lucide-react";
import { Logo } from "@/components/shell/logo";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { UserMenu } from "@/components/shell/user-menu";

export interface SidebarProps {
  org: { slug: string; name: string };
  orgs: Array<{ slug: string; name: string }>;
  user: { email: string; name: string | null };
  role: string;
  isAdmin: boolean;
}

/** The dashboard's navigation: the org switcher, the org's screens, the API reference and the account menu. */
export function Sidebar({ org, orgs, user, role, isAdmin }: SidebarProps) {
  return (
    <div className="flex h-full flex-col gap-4 px-3 py-4">
      <div className="px-2">
        <Logo href={`/${org.slug}`} />
      </div>
      <OrgSwitcher current={{ slug: org.slug, name: org.name }} orgs={orgs} />
      <NavLinks orgSlug={org.slug} isAdmin={isAdmin} />
      <div className="mt-auto border-t border-zinc-200 pt-3">
        <Link
          href="/docs/api"
          className="mb-1 flex items-center gap-2.5 rounded-control px-2.5 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"
        >
          <BookOpen aria-hidden className="size-4 text-zinc-400" />
          API reference
        </Link>
        <UserMenu email={user.email} name={user.name} />
        <p className="mt-1 px-2.5 text-xs text-zinc-500">
          Role: <span className="font-medium text-zinc-700">{role}</span>
        </p>
      </div>
    </div>
  );
}
