import { useId } from "react";
import { cn } from "@/components/ui/cn";

const numberFormat = new Intl.NumberFormat("en");

/** One count in a row of figures: a label over a large number, named by its label for assistive tech. */
export function Figure({ label, value, tone = "text-zinc-900" }: { label: string; value: number; tone?: string }) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="rounded-control border border-zinc-200 px-4 py-3">
      <p id={labelId} className="text-xs font-medium text-zinc-500">
        {label}
      </p>
      <p className={cn("mt-1 text-2xl font-semibold tabular-nums", tone)}>{numberFormat.format(value)}</p>
    </div>
  );
}
