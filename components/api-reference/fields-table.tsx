import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
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

/** Name, type, presence and constraints of each field or parameter. */
export function FieldsTable({ rows, caption, flag = "required" }: FieldsTableProps) {
  const showLocation = rows.some((row) => row.location);
  return (
    <div className="overflow-hidden rounded-card-inner border border-zinc-200">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <THead>
          <TR>
            <TH className="first:pl-4">Name</TH>
            {showLocation && <TH>In</TH>}
            <TH>Type</TH>
            <TH className="last:pr-4">Description</TH>
          </TR>
        </THead>
        <TBody>
          {rows.map((row) => (
            <TR key={`${row.location ?? ""}${row.name}`}>
              <TD className="py-2 align-top font-mono text-xs text-zinc-900 first:pl-4">
                <span className="break-all">{row.name}</span>
                {row.required === (flag === "required") && (
                  <Badge tone={flag === "required" ? "accent" : "neutral"} className="ml-2 font-sans">
                    {flag}
                  </Badge>
                )}
              </TD>
              {showLocation && <TD className="py-2 align-top text-xs">{row.location}</TD>}
              <TD className="py-2 align-top font-mono text-xs whitespace-nowrap text-zinc-600">{row.type}</TD>
              <TD className="py-2 align-top text-xs last:pr-4">
                {row.description && (
                  <p className="text-zinc-700">
                    <InlineText text={row.description} />
                  </p>
                )}
                {row.notes.length > 0 && <p className="text-zinc-500">{row.notes.join(" · ")}</p>}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
