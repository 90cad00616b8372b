"use client";

import {
  FolderIcon,
  HouseIcon,
  InboxIcon,
  KeyRoundIcon,
  ListIcon,
  MailIcon,
  SettingsIcon,
  UsersIcon,
  WebhookIcon,
  ZapIcon,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  adminOnly?: boolean;
}

const items: NavItem[] = [
  { href: "", label: "Overview", icon: HouseIcon },
  { href: "/projects", label: "Projects", icon: FolderIcon },
  { href: "/webhooks", label: "Webhooks", icon: WebhookIcon },
  { href: "/events", label: "Events", icon: InboxIcon },
  { href: "/triggers", label: "Triggers", icon: ZapIcon },
  { href: "/tokens", label: "API tokens", icon: KeyRoundIcon, adminOnly: true },
  { href: "/members", label: "Members", icon: UsersIcon },
  { href: "/emails", label: "Emails", icon: MailIcon, adminOnly: true },
  { href: "/audit", label: "Audit log", icon: ListIcon, adminOnly: true },
  { href: "/settings", label: "Settings", icon: SettingsIcon, adminOnly: true },
];

export function NavLinks({ orgSlug, isAdmin }: { orgSlug: string; isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Organization" className="flex flex-col gap-0.5">
      {items
        .filter((item) => isAdmin || !item.adminOnly)
        .map(({ href, label, icon: Icon }) => {
          const target = `/${orgSlug}${href}`;
          const active = href === "" ? pathname === target : pathname.startsWith(target);
          return (
            <Link
              key={label}
              href={target}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2.5 rounded-control px-2.5 py-1.5 text-sm font-medium transition-colors",
                active
                  ? "bg-surface text-zinc-900 shadow-sm ring-1 ring-zinc-200"
                  : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
              )}
            >
              <Icon className={cn("size-4", active ? "text-accent-600 dark:text-accent-400" : "text-zinc-400")} />
              {label}
            </Link>
          );
        })}
    </nav>
  );
}
