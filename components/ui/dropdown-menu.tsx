"use client";

import Link from "next/link";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentProps,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { buttonClassName, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";

const MenuContext = createContext<{ close: (restoreFocus?: boolean) => void } | null>(null);

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
  children: ReactNode;
  className?: string;
}

const GAP = 4;

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  if (!menu) return [];
  return Array.from(menu.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])'));
}

/**
 * Button-triggered menu. The panel is position:fixed so it is not clipped by
 * scrolling containers (e.g. inside a Table); it closes on outside click,
 * Escape, Tab, scroll and resize.
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
  const [open, setOpen] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({ visibility: "hidden" });
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const focusFirst = useRef<"first" | "last" | null>(null);
  const menuId = useId();
  const triggerId = useId();

  const close = useCallback((restoreFocus = true) => {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }, []);

  // Position before paint: below the trigger, flipped above if it would overflow.
  useLayoutEffect(() => {
    if (!open) return;
    const t = triggerRef.current?.getBoundingClientRect();
    const menu = menuRef.current;
    if (!t || !menu) return;
    const { offsetWidth: w, offsetHeight: h } = menu;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const top = t.bottom + GAP + h > vh && t.top - GAP - h > 0 ? t.top - GAP - h : t.bottom + GAP;
    const rawLeft = align === "end" ? t.right - w : t.left;
    const left = Math.min(Math.max(8, rawLeft), vw - w - 8);
    setStyle({ top, left });

    const items = menuItems(menu);
    if (focusFirst.current === "last") items.at(-1)?.focus();
    else items[0]?.focus();
    focusFirst.current = null;
  }, [open, align]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (menuRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      close(false);
    };
    const onScrollOrResize = (e: Event) => {
      if (e.type === "scroll" && menuRef.current?.contains(e.target as Node)) return;
      close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("scroll", onScrollOrResize, true);
    window.addEventListener("resize", onScrollOrResize);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("scroll", onScrollOrResize, true);
      window.removeEventListener("resize", onScrollOrResize);
    };
  }, [open, close]);

  function onTriggerKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      focusFirst.current = e.key === "ArrowUp" ? "last" : "first";
      setOpen(true);
    }
  }

  function onMenuKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        move(index + 1);
        break;
      case "ArrowUp":
        e.preventDefault();
        move(index - 1);
        break;
      case "Home":
        e.preventDefault();
        move(0);
        break;
      case "End":
        e.preventDefault();
        move(items.length - 1);
        break;
      case "Escape":
        e.preventDefault();
        e.stopPropagation(); // don't also close an enclosing <dialog>
        close();
        break;
      case "Tab":
        close(false);
        break;
    }
  }

  return (
    <MenuContext value={{ close }}>
      <button
        ref={triggerRef}
        id={triggerId}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={onTriggerKeyDown}
        className={cn(buttonClassName(triggerVariant, triggerSize), triggerClassName)}
      >
        {trigger}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          aria-labelledby={label ? undefined : triggerId}
          tabIndex={-1}
          onKeyDown={onMenuKeyDown}
          style={style}
          className={cn(
            "fixed z-50 min-w-44 rounded-card border border-zinc-200 bg-surface p-1 shadow-popover focus:outline-hidden",
            "transition-opacity duration-100 starting:opacity-0",
            className,
          )}
        >
          {children}
        </div>
      )}
    </MenuContext>
  );
}

const itemClassName =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 outline-hidden " +
  "hover:bg-zinc-100 hover:text-zinc-900 focus-visible:bg-zinc-100 focus-visible:text-zinc-900 focus:bg-zinc-100 " +
  "aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-zinc-400";

const dangerClassName =
  "text-red-600 dark:text-red-400 hover:bg-red-50 hover:text-red-700 focus:bg-red-50 focus-visible:bg-red-50 focus-visible:text-red-700 [&_svg]:text-red-500";

type ItemBase = { tone?: "default" | "danger"; className?: string; children: ReactNode };
type ButtonItemProps = ItemBase & Omit<ComponentProps<"button">, "className" | "children"> & { href?: undefined };
type LinkItemProps = ItemBase & Omit<ComponentProps<typeof Link>, "className" | "children"> & { href: string };

export type DropdownMenuItemProps = ButtonItemProps | LinkItemProps;

function isLinkItem(props: DropdownMenuItemProps): props is LinkItemProps {
  return props.href !== undefined;
}

/** A menu entry: a link when `href` is given, otherwise a button. Selecting it closes the menu. */
export function DropdownMenuItem(props: DropdownMenuItemProps) {
  const ctx = useContext(MenuContext);

  if (isLinkItem(props)) {
    const { tone, className, onClick, ...rest } = props;
    return (
      <Link
        role="menuitem"
        tabIndex={-1}
        className={cn(itemClassName, tone === "danger" && dangerClassName, className)}
        onClick={(e) => {
          onClick?.(e);
          ctx?.close(false);
        }}
        {...rest}
      />
    );
  }

  const { tone, className, onClick, disabled, type = "button", ...rest } = props;
  return (
    <button
      role="menuitem"
      tabIndex={-1}
      type={type}
      aria-disabled={disabled || undefined}
      className={cn(itemClassName, tone === "danger" && dangerClassName, className)}
      onClick={(e) => {
        if (disabled) return;
        onClick?.(e);
        if (!e.defaultPrevented) ctx?.close();
      }}
      {...rest}
    />
  );
}

export function DropdownMenuSeparator() {
  return <div role="separator" className="-mx-1 my-1 h-px bg-zinc-100" />;
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-2.5 pt-1.5 pb-1 text-xs font-medium text-zinc-500", className)} {...props} />;
}
