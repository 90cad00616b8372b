import { fieldLabel } from "@/components/audit/filters";
import type { FieldChanges } from "@/lib/audit/changes";

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(display).join(", ");
  if (typeof value === "object" && Object.keys(value).length === 0) return "none";
  return JSON.stringify(value);
}

/** What an update changed, field by field, before and after; secrets only as changed. */
export function AuditChanges({ changes }: { changes: FieldChanges }) {
  const fields = Object.entries(changes);
  if (fields.length === 0) {
    return <p className="py-1 text-sm text-zinc-600">Saved without changing any setting.</p>;
  }
  return (
    <div className="max-w-full overflow-x-auto rounded-md border border-zinc-200 bg-surface">
      <table className="w-full min-w-80 border-collapse text-left text-xs">
        <caption className="sr-only">Changed settings, before and after</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-zinc-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Setting
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Before
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              After
            </th>
          </tr>
        </thead>
        <tbody className="[&>tr]:border-b [&>tr]:border-zinc-100 [&>tr:last-child]:border-0">
          {fields.map(([field, change]) => (
            <tr key={field}>
              <th scope="row" className="px-3 py-2 align-top font-medium whitespace-nowrap text-zinc-800">
                {fieldLabel(field)}
              </th>
              {"hidden" in change ? (
                <td colSpan={2} className="px-3 py-2 align-top text-zinc-600">
                  Changed (the value is secret and never recorded)
                </td>
              ) : (
                <>
                  <td className="max-w-64 px-3 py-2 align-top font-mono break-words text-zinc-600">
                    {display(change.before)}
                  </td>
                  <td className="max-w-64 px-3 py-2 align-top font-mono break-words text-zinc-900">
                    {display(change.after)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
