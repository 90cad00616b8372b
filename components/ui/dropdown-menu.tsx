"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { createContext, useContext, useRef, type ComponentProps, type ReactNode } from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";

/** Runs an item's action once the menu has closed and focus is back on its trigger. */
const AfterCloseContext = createContext<(action: () => void) => void>((action) => action());

export interface DropdownMenuProps {
  /** Content of the trigger button (text and/or icon). */
  trigger: ReactNode;
  /**
   * Accessible name for the trigger; required when `trigger` is icon-only. A trigger with visible
   * text names itself (and the menu) with it instead: a label that differs from the visible text
   * fails WCAG 2.5.3 (label in name).
   */
  label?: string;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerClassName?: string;
  /** Which trigger edge the menu lines up with. */
  align?: "start" | "end";
  /** DropdownMenuItem / DropdownMenuLabel / DropdownMenuSeparator elements. */
  children?: ReactNode;
  className?: string;
}

/**
 * Button-triggered menu (Radix Dropdown Menu): Enter, Space or ArrowDown open it with focus on the
 * first item; arrows (wrapping around), Home/End and typing move between items; Escape closes it
 * with focus back on the trigger, and so does a click or focus elsewhere, focus staying there. The
 * panel is portalled and placed beside the trigger, flipped when it would not fit, so scrolling
 * containers (a table) do not clip it.
 */
export function DropdownMenu({
  trigger,
  label,
  triggerVariant = "secondary",
  triggerSize = "sm",
  triggerClassName,
  align = "start",
  children,
  className,
}: DropdownMenuProps) {
  const triggerRef = useRef<HTMLButtonElement>(null);
  const pendingAction = useRef<(() => void) | null>(null);

  return (
    // Not modal: a modal menu hides the page with aria-hidden while its controls stay focusable
    // (axe's aria-hidden-focus), and a menu needs no more than closing on a click or focus outside.
    <Menu.Root modal={false}>
      <Menu.Trigger
        ref={triggerRef}
        aria-label={label}
        className={cn(buttonClassName(triggerVariant, triggerSize), triggerClassName)}
      >
        {trigger}
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          align={align}
          sideOffset={4}
          collisionPadding={8}
          loop
          aria-label={label}
          // An item's action waits until focus is back on the trigger: a dialog it opens then
          // remembers the trigger as its opener and returns focus there when it closes.
          onCloseAutoFocus={(event) => {
            const action = pendingAction.current;
            pendingAction.current = null;
            if (!action) return;
            event.preventDefault();
            triggerRef.current?.focus();
            action();
          }}
          className={cn(
            "z-50 min-w-44 rounded-card border border-zinc-200 bg-surface p-1 shadow-popover focus:outline-hidden",
            "transition-opacity duration-100 starting:opacity-0",
            className,
          )}
        >
          <AfterCloseContext
            value={(action) => {
              pendingAction.current = action;
            }}
          >
            {children}
          </AfterCloseContext>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

const itemBase =
  "flex w-full cursor-default items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 outline-hidden select-none " +
  "data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900 " +
  "data-disabled:pointer-events-none data-disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-zinc-400";

const dangerItem =
  "text-red-600 dark:text-red-400 data-highlighted:bg-red-50 data-highlighted:text-red-700 [&_svg]:text-red-500";

function itemClassName(tone: ItemBase["tone"], className: string | undefined): string {
  return cn(itemBase, tone === "danger" && dangerItem, className);
}

type ItemBase = { tone?: "default" | "danger"; className?: string; children?: ReactNode; disabled?: boolean };
type ActionItemProps = ItemBase & {
  /** Runs on click, Enter or Space, after the menu has closed. */
  onSelect: () => void;
  href?: undefined;
};
type LinkItemProps = ItemBase &
  Omit<ComponentProps<typeof Link>, "className" | "children" | "onSelect"> & { href: string };

export type DropdownMenuItemProps = ActionItemProps | LinkItemProps;

function isLinkItem(props: DropdownMenuItemProps): props is LinkItemProps {
  return props.href !== undefined;
}

/** A menu entry: a Next link when `href` is given, otherwise an action. Choosing it closes the menu. */
export function DropdownMenuItem(props: DropdownMenuItemProps) {
  const afterClose = useContext(AfterCloseContext);

  if (isLinkItem(props)) {
    const { tone, className, disabled, children, ...link } = props;
    return (
      <Menu.Item asChild disabled={disabled} className={itemClassName(tone, className)}>
        <Link {...link}>{children}</Link>
      </Menu.Item>
    );
  }

  const { tone, className, disabled, children, onSelect } = props;
  return (
    <Menu.Item disabled={disabled} className={itemClassName(tone, className)} onSelect={() => afterClose(onSelect)}>
      {children}
    </Menu.Item>
  );
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="-mx-1 my-1 h-px bg-zinc-100" />;
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof Menu.Label>) {
  return <Menu.Label className={cn("px-2.5 pt-1.5 pb-1 text-xs font-medium text-zinc-500", className)} {...props} />;
}
