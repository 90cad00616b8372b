import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("rounded-card border border-zinc-200 bg-surface shadow-card", className)} {...props} />;
}

export interface CardHeaderProps extends ComponentProps<"div"> {
  /** Right-aligned slot, e.g. a button. */
  actions?: ReactNode;
}

export function CardHeader({ actions, className, children, ...props }: CardHeaderProps) {
  return (
    <div className={cn("flex items-start justify-between gap-4 px-6 pt-5 pb-4", className)} {...props}>
      <div className="grid min-w-0 grid-cols-1 gap-1">{children}</div>
      {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
    </div>
  );
}

export function CardTitle({ className, ...props }: ComponentProps<"h2">) {
  return <h2 className={cn("text-base font-semibold tracking-tight text-zinc-900", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("text-sm text-zinc-500", className)} {...props} />;
}

/** Body padding. Gets top padding only when it is the card's first child. */
export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("px-6 pb-5 first:pt-5", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex items-center justify-end gap-3 rounded-b-card-inner border-t border-zinc-200 bg-zinc-50/70 px-6 py-3",
        className,
      )}
      {...props}
    />
  );
}
