function display(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(display).join(",");
  return JSON.stringify(value) ?? String(value);
}

/** An entry's metadata as compact `key=value` pairs. */
export function AuditMetadata({ metadata }: { metadata: Record<string, unknown> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return <span className="text-zinc-500">—</span>;
  return (
    <dl className="grid max-w-72 gap-y-0.5 font-mono text-xs">
      {entries.map(([key, value]) => (
        <div key={key} className="flex min-w-0">
          <dt className="text-zinc-500">{key}=</dt>
          <dd className="truncate text-zinc-700" title={display(value)}>
            {display(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
