"use client";

import { KeyRoundIcon, LogOutIcon } from "lucide-react";
import { signOutAction } from "@/components/auth/actions";
import { DropdownMenu, DropdownMenuItem, DropdownMenuLabel } from "@/components/ui/dropdown-menu";

export function UserMenu({ email, name }: { email: string; name: string | null }) {
  const initials = (name ?? email).slice(0, 1).toUpperCase();
  return (
    <DropdownMenu
      triggerVariant="ghost"
      triggerClassName="w-full justify-start"
      trigger={
        <span className="flex min-w-0 items-center gap-2">
          <span
            aria-hidden
            className="grid size-6 shrink-0 place-items-center rounded-full bg-accent-100 text-xs font-semibold text-accent-700"
          >
            {initials}
          </span>
          <span className="truncate text-zinc-700">{email}</span>
          <span className="sr-only">, account</span>
        </span>
      }
    >
      <DropdownMenuLabel>{name ?? email}</DropdownMenuLabel>
      <DropdownMenuItem href="/account">
        <KeyRoundIcon /> Password
      </DropdownMenuItem>
      <DropdownMenuItem onSelect={() => void signOutAction()}>
        <LogOutIcon /> Sign out
      </DropdownMenuItem>
    </DropdownMenu>
  );
}
