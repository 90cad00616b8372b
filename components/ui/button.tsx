import type { ComponentProps } from "react";
import { cn } from "./cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex shrink-0 items-center justify-center gap-2 whitespace-nowrap rounded-control border font-medium " +
  "transition-colors select-none focus-visible:outline-2 focus-visible:outline-offset-2 " +
  "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 " +
  "[&_svg]:size-4 [&_svg]:shrink-0";

const variants: Record<ButtonVariant, string> = {
  // In dark mode accent-700 and -800 are light inks, so a pressed fill dims instead.
  primary:
    "border-accent-700/40 bg-accent-600 text-white shadow-xs hover:bg-accent-700 active:bg-accent-800 focus-visible:outline-accent-500 " +
    "dark:border-accent-400/30 dark:hover:bg-accent-600/85 dark:active:bg-accent-600/70",
  secondary:
    "border-zinc-300 bg-surface text-zinc-900 shadow-xs hover:border-zinc-400/70 hover:bg-zinc-50 active:bg-zinc-100 focus-visible:outline-accent-500",
  ghost:
    "border-transparent bg-transparent text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 active:bg-zinc-200/70 focus-visible:outline-accent-500",
  danger:
    "border-red-700/40 bg-red-600 text-white shadow-xs hover:bg-red-700 active:bg-red-800 focus-visible:outline-red-500 " +
    "dark:border-red-400/30 dark:hover:bg-red-600/85 dark:active:bg-red-600/70",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 px-3 text-[13px]",
  md: "h-9 px-4 text-sm",
};

/** Button look for non-button elements, e.g. `<Link className={buttonClassName("secondary")}>`. */
export function buttonClassName(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  return cn(base, variants[variant], sizes[size]);
}

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner and disables the button. */
  loading?: boolean;
}

export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  disabled,
  className,
  children,
  ...props
}: ButtonProps) {
  return (
    <button
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={cn(buttonClassName(variant, size), className)}
      {...props}
    >
      {loading && <Spinner size="sm" />}
      {children}
    </button>
  );
}
