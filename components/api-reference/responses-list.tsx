import { FieldsTable } from "@/components/api-reference/fields-table";
import { InlineText } from "@/components/api-reference/inline-text";
import type { DocumentedOperation } from "@/components/api-reference/operations";
import { fieldRows, typeLabel } from "@/components/api-reference/schema-fields";
import { Subheading } from "@/components/api-reference/subheading";
import type { OpenApiDocument } from "@/lib/openapi/types";

const isSuccess = (status: string) => status.startsWith("2");

/** The success response with its fields, then the error statuses in one compact list. */
export function ResponsesList({ document, operation }: { document: OpenApiDocument; operation: DocumentedOperation }) {
  const entries = Object.entries(operation.responses);
  const successes = entries.filter(([status]) => isSuccess(status));
  const errors = entries.filter(([status]) => !isSuccess(status));
  return (
    <section className="grid grid-cols-1 gap-4">
      {successes.map(([status, response]) => {
        const schema = response.content?.["application/json"].schema;
        return (
          <div key={status}>
            <Subheading>
              Response <span className="font-mono text-emerald-700">{status}</span>
              {schema && <span className="font-mono normal-case"> · {typeLabel(document, schema)}</span>}
            </Subheading>
            <p className="mb-2 text-sm text-zinc-600">{response.description}</p>
            {schema && (
              <FieldsTable
                flag="optional"
                rows={fieldRows(document, schema)}
                caption={`Response ${status} of ${operation.method} ${operation.path}`}
              />
            )}
          </div>
        );
      })}
      <div>
        <Subheading>
          Errors <span className="font-mono normal-case">· Error</span>
        </Subheading>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {errors.map(([status, response]) => (
            <div key={status} className="contents">
              <dt className="font-mono text-xs leading-5 text-red-700">{status}</dt>
              <dd className="text-xs leading-5 text-zinc-600">
                <InlineText text={response.description} />
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
