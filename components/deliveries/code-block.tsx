import { cn } from "@/components/ui/cn";

/** JSON shown indented; anything else exactly as sent. */
function readable(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function CodeBlock({ text, label, className }: { text: string; label: string; className?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className={cn(
        "max-h-72 overflow-auto rounded-card-inner border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-zinc-800",
        className,
      )}
    >
      {text === "" ? <span className="text-zinc-500">(empty)</span> : readable(text)}
    </pre>
  );
}
