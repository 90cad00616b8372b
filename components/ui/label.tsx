import type { ComponentProps } from "react";
import { cn } from "./cn";

export interface LabelProps extends ComponentProps<"label"> {
  /** Shows a red asterisk. Still set `required` on the control itself. */
  required?: boolean;
  /** Shows a muted "Optional" marker. */
  optional?: boolean;
}

export function Label({ required, optional, className, children, ...props }: LabelProps) {
  return (
    <label className={cn("inline-flex items-baseline gap-1 text-sm font-medium text-zinc-800", className)} {...props}>
      {children}
      {required && (
        <span aria-hidden className="text-red-600 dark:text-red-400">
          *
        </span>
      )}
      {optional && <span className="text-xs font-normal text-zinc-500">(optional)</span>}
    </label>
  );
}
