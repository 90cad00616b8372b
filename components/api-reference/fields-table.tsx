import { DataTable } from "@/components/data/data-table";
import { Badge } from "@/components/ui/badge";
import type { FieldRow } from "@/components/api-reference/schema-fields";
import { InlineText } from "@/components/api-reference/inline-text";

export interface FieldsTableRow extends FieldRow {
  /** For parameters: "path" or "query". */
  location?: string;
}

interface FieldsTableProps {
  rows: FieldsTableRow[];
  caption: string;
  /** Inputs flag the fields a caller must send; responses flag the ones that may be absent. */
  flag?: "required" | "optional";
}

// Tighter than a screen's table: the rows sit in a bordered box in the page's text.
const edges = "first:pl-4 last:pr-4";
const cell = `${edges} py-2 align-top text-xs`;

/** Name, type, presence and constraints of each field or parameter. */
export function FieldsTable({ rows, caption, flag = "required" }: FieldsTableProps) {
  return (
    <div className="overflow-hidden rounded-card-inner border border-zinc-200">
      <DataTable<FieldsTableRow>
        framed={false}
        caption={caption}
        columns={[
          {
            header: "Name",
            headerClassName: edges,
            className: `${cell} font-mono text-zinc-900`,
            cell: (row) => (
              <>
                <span className="break-all">{row.name}</span>
                {row.required === (flag === "required") && (
                  <Badge tone={flag === "required" ? "accent" : "neutral"} className="ml-2 font-sans">
                    {flag}
                  </Badge>
                )}
              </>
            ),
          },
          rows.some((row) => row.location) && {
            header: "In",
            headerClassName: edges,
            className: cell,
            cell: (row) => row.location,
          },
          {
            header: "Type",
            headerClassName: edges,
            className: `${cell} font-mono whitespace-nowrap text-zinc-600`,
            cell: (row) => row.type,
          },
          {
            header: "Description",
            headerClassName: edges,
            className: cell,
            cell: (row) => (
              <>
                {row.description && (
                  <p className="text-zinc-700">
                    <InlineText text={row.description} />
                  </p>
                )}
                {row.notes.length > 0 && <p className="text-zinc-500">{row.notes.join(" · ")}</p>}
              </>
            ),
          },
        ]}
        rows={rows}
        rowKey={(row) => `${row.location ?? ""}${row.name}`}
      />
    </div>
  );
}
