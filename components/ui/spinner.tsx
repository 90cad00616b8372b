import type { ComponentProps } from "react";
import { cn } from "./cn";

export type SpinnerSize = "sm" | "md" | "lg";

const sizes: Record<SpinnerSize, string> = {
  sm: "size-4",
  md: "size-5",
  lg: "size-8",
};

export interface SpinnerProps extends Omit<ComponentProps<"svg">, "children"> {
  size?: SpinnerSize;
  /** When set, the spinner is announced (role="status") with this text. */
  label?: string;
}

export function Spinner({ size = "md", label, className, ...props }: SpinnerProps) {
  const a11y = label ? ({ role: "status", "aria-label": label } as const) : ({ "aria-hidden": true } as const);
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      className={cn("shrink-0 motion-safe:animate-spin", sizes[size], className)}
      {...a11y}
      {...props}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
