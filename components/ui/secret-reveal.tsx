import { TriangleExclamationPointIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

export interface SecretRevealProps {
  /** The one-time secret (API token, signing secret…). */
  value: string;
  /** Optional heading, e.g. "Your new API token". */
  label?: ReactNode;
  warning?: ReactNode;
  className?: string;
}

/** Shows a just-created secret once, with a copy button and a warning. */
export function SecretReveal({
  value,
  label,
  warning = "Copy it now — you won't be able to see it again.",
  className,
}: SecretRevealProps) {
  return (
    <div className={cn("grid gap-3 rounded-card border border-amber-200 bg-amber-50/60 p-4", className)}>
      {label && <p className="text-sm font-medium text-zinc-900">{label}</p>}
      <div className="flex items-center gap-2 rounded-control border border-zinc-200 bg-surface py-1.5 pr-1.5 pl-3 shadow-xs">
        <code data-secret className="min-w-0 flex-1 font-mono text-[13px] break-all text-zinc-900 select-all">
          {value}
        </code>
        <CopyButton value={value} />
      </div>
      <p className="flex items-center gap-1.5 text-xs font-medium text-amber-800">
        <TriangleExclamationPointIcon className="size-3.5" />
        {warning}
      </p>
    </div>
  );
}
