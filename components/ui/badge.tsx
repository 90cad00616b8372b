import type { ComponentProps } from "react";
import { cn } from "./cn";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "border-zinc-200 bg-zinc-50 text-zinc-700", dot: "bg-zinc-400" },
  success: { badge: "border-emerald-200 bg-emerald-50 text-emerald-700", dot: "bg-emerald-500" },
  warning: { badge: "border-amber-200 bg-amber-50 text-amber-800", dot: "bg-amber-500" },
  danger: { badge: "border-red-200 bg-red-50 text-red-700", dot: "bg-red-500" },
  info: { badge: "border-sky-200 bg-sky-50 text-sky-700", dot: "bg-sky-500" },
  accent: { badge: "border-accent-200 bg-accent-50 text-accent-700", dot: "bg-accent-500" },
};

export interface BadgeProps extends ComponentProps<"span"> {
  tone?: BadgeTone;
  /** Leading status dot. */
  dot?: boolean;
}

export function Badge({ tone = "neutral", dot = false, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap",
        tones[tone].badge,
        className,
      )}
      {...props}
    >
      {dot && <span aria-hidden className={cn("size-1.5 rounded-full", tones[tone].dot)} />}
      {children}
    </span>
  );
}
