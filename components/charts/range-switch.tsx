import { cn } from "@/components/ui/cn";

/** A row of toggle buttons choosing one of a few options, e.g. a chart's time range. */
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
    <div
      role="group"
      aria-label={label}
      className="inline-flex rounded-control border border-zinc-200 bg-zinc-50 p-0.5"
    >
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
          className={cn(
            "rounded-[6px] px-2.5 py-1 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
            option === value ? "bg-surface text-zinc-900 shadow-card" : "text-zinc-500 hover:text-zinc-800",
          )}
        >
          {option}
        </button>
      ))}
    </div>
  );
}
