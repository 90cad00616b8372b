"use client";

import { CheckIcon, ChevronDownIcon, PlusIcon } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from "@/components/ui/dropdown-menu";

interface OrgSummary {
  slug: string;
  name: string;
}

export function OrgSwitcher({ current, orgs }: { current: OrgSummary; orgs: OrgSummary[] }) {
  return (
    <DropdownMenu
      triggerVariant="ghost"
      triggerClassName="w-full justify-between"
      trigger={
        <>
          <span className="flex min-w-0 items-center gap-2">
            <span
              aria-hidden
              className="grid size-6 shrink-0 place-items-center rounded-md bg-zinc-900 text-[11px] font-semibold text-surface uppercase"
            >
              {current.name.slice(0, 2)}
            </span>
            <span className="truncate">{current.name}</span>
            <span className="sr-only">, switch organization</span>
          </span>
          <ChevronDownIcon className="text-zinc-400" />
        </>
      }
    >
      <DropdownMenuLabel>Organizations</DropdownMenuLabel>
      {orgs.map((org) => (
        <DropdownMenuItem key={org.slug} href={`/${org.slug}`}>
          <span className="flex-1 truncate">{org.name}</span>
          {org.slug === current.slug ? <CheckIcon className="text-accent-600 dark:text-accent-400" /> : null}
        </DropdownMenuItem>
      ))}
      <DropdownMenuSeparator />
      <DropdownMenuItem href="/orgs/new">
        <PlusIcon /> Create organization
      </DropdownMenuItem>
    </DropdownMenu>
  );
}
