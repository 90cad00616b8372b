import type { ComponentProps } from "react";
import { cn } from "./cn";

export interface TableProps extends ComponentProps<"table"> {
  /** Classes for the horizontally scrolling wrapper. */
  containerClassName?: string;
}

/**
 * Borderless data table. Put it straight inside a <Card> (not in CardContent)
 * for a full-bleed table; it adds a top border when it follows a CardHeader.
 */
export function Table({ className, containerClassName, ...props }: TableProps) {
  return (
    <div
      className={cn(
        "relative w-full overflow-x-auto border-zinc-200 not-first:border-t first:rounded-t-card-inner last:rounded-b-card-inner",
        containerClassName,
      )}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("border-b border-zinc-200 bg-zinc-50/80", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return (
    <tbody
      className={cn(
        "[&>tr]:border-b [&>tr]:border-zinc-100 [&>tr:hover]:bg-zinc-50/70 [&>tr:last-child]:border-0",
        className,
      )}
      {...props}
    />
  );
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors", className)} {...props} />;
}

export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("h-10 px-4 text-xs font-medium whitespace-nowrap text-zinc-500 first:pl-6 last:pr-6", className)}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-3 align-middle text-zinc-700 first:pl-6 last:pr-6", className)} {...props} />;
}

/** The header of a row-actions column: narrow, named for screen readers only. */
export function ActionsTH() {
  return (
    <TH className="w-12">
      <span className="sr-only">Actions</span>
    </TH>
  );
}
