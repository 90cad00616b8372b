"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState, type MouseEvent, type ReactNode } from "react";

/**
 * Below the large breakpoint the sidebar is a drawer behind a menu button (Radix Dialog: focus
 * moves in and is trapped, Escape and the backdrop close it, focus returns to the button).
 */
export function MobileNav({ title, children }: { title: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  // Following a link closes the drawer.
  const closeOnLink = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a[href]")) setOpen(false);
  };

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="grid size-9 place-items-center rounded-control text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-600">
        <Menu aria-hidden className="size-5" />
        <span className="sr-only">Open menu</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40 dark:bg-ink-950/70" />
        <Dialog.Content
          className="fixed inset-y-0 left-0 z-50 w-72 max-w-[85vw] overflow-y-auto border-r border-zinc-200 bg-zinc-50 shadow-xl focus:outline-none"
          onClick={closeOnLink}
        >
          <Dialog.Title className="sr-only">{title}</Dialog.Title>
          <Dialog.Description className="sr-only">Navigation for this organization.</Dialog.Description>
          {children}
          <Dialog.Close className="absolute top-3 right-3 grid size-8 place-items-center rounded-control text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900">
            <X aria-hidden className="size-4" />
            <span className="sr-only">Close menu</span>
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
