"use client";

import * as ToggleGroup from "@radix-ui/react-toggle-group";
import { cn } from "@/components/ui/cn";

/**
 * A row of buttons choosing one of a few options, e.g. a chart's time range (Radix Toggle Group,
 * single: a radio group, one Tab stop, arrows move between the options). Not tabs: the same chart
 * stays on screen with other data.
 */
export function RangeSwitch<Option extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly Option[];
  value: Option;
  onChange: (next: Option) => void;
}) {
  return (
    <ToggleGroup.Root
      type="single"
      aria-label={label}
      value={value}
      // Choosing the current option again would clear the choice; a range is always chosen.
      onValueChange={(next) => {
        const option = options.find((candidate) => candidate === next);
        if (option) onChange(option);
      }}
      className="inline-flex rounded-control border border-zinc-200 bg-zinc-50 p-0.5"
    >
      {options.map((option) => (
        <ToggleGroup.Item
          key={option}
          value={option}
          className={cn(
            "rounded-[6px] px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
            "data-[state=off]:text-zinc-500 data-[state=off]:hover:text-zinc-800 data-[state=on]:bg-surface data-[state=on]:text-zinc-900 data-[state=on]:shadow-card",
          )}
        >
          {option}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
