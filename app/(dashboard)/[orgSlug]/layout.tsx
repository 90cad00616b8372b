import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";
import { MobileNav } from "@/components/shell/mobile-nav";
import { Sidebar } from "@/components/shell/sidebar";
import { roleCan } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/auth/org-page";
import { listUserOrganizations } from "@/lib/orgs/orgs";

export default async function DashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const { org, role, user } = await requireOrgPage(orgSlug);
  const orgs = await listUserOrganizations(user.id);
  const sidebar = (
    <Sidebar
      org={{ slug: org.slug, name: org.name }}
      orgs={orgs}
      user={{ email: user.email, name: user.name }}
      role={role}
      isAdmin={roleCan(role, "org:manage")}
    />
  );
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-control focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:shadow"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 border-r border-zinc-200 bg-zinc-50/80 lg:block">
        {sidebar}
      </aside>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-zinc-200 bg-surface/95 px-4 py-2 backdrop-blur lg:hidden">
        <Logo href={`/${org.slug}`} />
        <MobileNav title={`${org.name}: menu`}>{sidebar}</MobileNav>
      </header>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 bg-surface focus:outline-none">
        <div className="mx-auto max-w-5xl px-4 py-6 sm:px-8 sm:py-8">{children}</div>
      </main>
    </div>
  );
}
