/** HTTP headers as name: value lines; masked secrets arrive masked and stay so. */
export function HeadersList({ headers, label }: { headers: Record<string, string> | null; label: string }) {
  const entries = Object.entries(headers ?? {});
  if (entries.length === 0) return <p className="text-xs text-zinc-500">No headers</p>;
  return (
    <dl
      aria-label={label}
      className="grid grid-cols-[minmax(0,auto)_1fr] gap-x-3 gap-y-1 rounded-card-inner border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs"
    >
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-zinc-500">{name}</dt>
          <dd className="min-w-0 break-all text-zinc-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
