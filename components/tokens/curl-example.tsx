import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/components/ui/cn";

/** A ready-to-paste call to the API, with a copy button. */
export function CurlExample({ command, className }: { command: string; className?: string }) {
  return (
    <div className={cn("overflow-hidden rounded-card-inner border border-ink-800 bg-ink-950 shadow-xs", className)}>
      <div className="flex items-center justify-between border-b border-white/10 py-1.5 pr-1.5 pl-4">
        <span className="text-xs font-medium text-ink-400">Shell</span>
        <CopyButton value={command} label="Copy command" />
      </div>
      <pre className="px-4 py-3 font-mono text-[13px] leading-relaxed break-all whitespace-pre-wrap text-ink-100">
        <code>{command}</code>
      </pre>
    </div>
  );
}

export function curlCommand(origin: string, token: string, path = "/api/v1/projects"): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}${path}`;
}

/** A publish call: one event of `type` with `payload`, as a project's CI or backend would send it. */
export function publishCommand(origin: string, token: string, type: string, payload: Record<string, unknown>): string {
  const body = JSON.stringify({ type, payload }).replaceAll("'", "'\\''");
  return `curl -X POST -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" \\\n  -d '${body}' ${origin}/api/v1/events`;
}
