import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export interface EmptyStateProps extends Omit<ComponentProps<"div">, "title"> {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Call to action, e.g. a Button. */
  action?: ReactNode;
  /** Dashed outline; use when the empty state is not already inside a Card. */
  bordered?: boolean;
}

export function EmptyState({
  icon,
  title,
  description,
  action,
  bordered = false,
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-14 text-center",
        bordered && "rounded-card border border-dashed border-zinc-300 bg-surface/60",
        className,
      )}
      {...props}
    >
      {icon && (
        <div className="mb-4 flex size-11 items-center justify-center rounded-control border border-zinc-200 bg-surface text-zinc-500 shadow-xs [&_svg]:size-5">
          {icon}
        </div>
      )}
      <h3 className="text-sm font-semibold text-zinc-900">{title}</h3>
      {description && <p className="mt-1 max-w-sm text-sm text-balance text-zinc-500">{description}</p>}
      {action && <div className="mt-5 flex items-center gap-3">{action}</div>}
    </div>
  );
}
