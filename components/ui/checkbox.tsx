import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export interface CheckboxProps extends Omit<ComponentProps<"input">, "type"> {
  label?: ReactNode;
  description?: ReactNode;
}

/** Native checkbox, optionally wrapped in a clickable label with a description line. */
export function Checkbox({ label, description, className, ...props }: CheckboxProps) {
  const box = (
    <input
      type="checkbox"
      className={cn(
        "size-4 shrink-0 rounded border-zinc-300 accent-accent-600 disabled:cursor-not-allowed disabled:opacity-50",
        label ? "mt-0.5" : undefined,
        className,
      )}
      {...props}
    />
  );
  if (!label) return box;
  return (
    <label className="flex cursor-pointer items-start gap-2.5 has-disabled:cursor-not-allowed has-disabled:opacity-70">
      {box}
      <span className="grid grid-cols-1 gap-0.5">
        <span className="text-sm font-medium text-zinc-800">{label}</span>
        {description && <span className="text-xs text-zinc-500">{description}</span>}
      </span>
    </label>
  );
}
