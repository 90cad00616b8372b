import {
  CircleExclamationPointIcon,
  CircleCheckIcon,
  InfoIcon,
  TriangleExclamationPointIcon,
  type LucideIcon,
} from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string; Icon: LucideIcon }> = {
  info: { box: "border-sky-200 bg-sky-50 text-sky-900", icon: "text-sky-600 dark:text-sky-400", Icon: InfoIcon },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-900",
    icon: "text-emerald-600 dark:text-emerald-400",
    Icon: CircleCheckIcon,
  },
  warning: {
    box: "border-amber-200 bg-amber-50 text-amber-900",
    icon: "text-amber-600 dark:text-amber-400",
    Icon: TriangleExclamationPointIcon,
  },
  danger: {
    box: "border-red-200 bg-red-50 text-red-900",
    icon: "text-red-600 dark:text-red-400",
    Icon: CircleExclamationPointIcon,
  },
};

export interface AlertProps extends Omit<ComponentProps<"div">, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
}

/** Inline callout / banner. `danger` alerts get role="alert" unless a role is passed. */
export function Alert({ tone = "info", title, className, children, role, ...props }: AlertProps) {
  const { box, icon, Icon } = tones[tone];
  return (
    <div
      role={role ?? (tone === "danger" ? "alert" : undefined)}
      className={cn("flex gap-3 rounded-control border px-4 py-3 text-sm", box, className)}
      {...props}
    >
      <Icon className={cn("mt-0.5", icon)} />
      <div className="grid min-w-0 grid-cols-1 gap-0.5">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className="opacity-90">{children}</div>}
      </div>
    </div>
  );
}
