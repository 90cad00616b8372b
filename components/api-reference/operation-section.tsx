import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { FieldsTable, type FieldsTableRow } from "@/components/api-reference/fields-table";
import { Prose } from "@/components/api-reference/inline-text";
import { MethodBadge } from "@/components/api-reference/method-badge";
import type { DocumentedOperation } from "@/components/api-reference/operations";
import { ResponsesList } from "@/components/api-reference/responses-list";
import { constraintNotes, fieldRows, typeLabel } from "@/components/api-reference/schema-fields";
import { Subheading } from "@/components/api-reference/subheading";
import type { OpenApiDocument } from "@/lib/openapi/types";

function parameterRows(document: OpenApiDocument, operation: DocumentedOperation): FieldsTableRow[] {
  return (operation.parameters ?? []).map((parameter) => ({
    name: parameter.name,
    location: parameter.in,
    type: typeLabel(document, parameter.schema),
    required: parameter.required,
    description: parameter.description,
    notes: constraintNotes(parameter.schema),
  }));
}

export function OperationSection({
  document,
  operation,
}: {
  document: OpenApiDocument;
  operation: DocumentedOperation;
}) {
  const parameters = parameterRows(document, operation);
  const body = operation.requestBody?.content["application/json"].schema;
  return (
    <Card id={operation.operationId} className="scroll-mt-6">
      <CardContent className="grid grid-cols-1 gap-5">
        <header className="grid grid-cols-1 gap-2">
          <div className="flex flex-wrap items-center gap-3">
            <MethodBadge method={operation.method} />
            <code className="font-mono text-sm font-medium break-all text-zinc-900">{operation.path}</code>
          </div>
          <h3 className="text-base font-semibold tracking-tight text-zinc-900">{operation.summary}</h3>
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <Badge tone="neutral" className="font-mono">
              {operation["x-permission"]}
            </Badge>
            {operation["x-token-scope"] ? (
              <Badge tone="success">API tokens with this scope</Badge>
            ) : (
              <Badge tone="warning">Signed-in members only</Badge>
            )}
          </div>
          <Prose text={operation.description} className="text-sm text-zinc-600" />
        </header>
        {parameters.length > 0 && (
          <section>
            <Subheading>Parameters</Subheading>
            <FieldsTable rows={parameters} caption={`Parameters of ${operation.method} ${operation.path}`} />
          </section>
        )}
        {body && (
          <section>
            <Subheading>
              Request body <span className="font-mono normal-case">application/json · {typeLabel(document, body)}</span>
            </Subheading>
            <FieldsTable
              rows={fieldRows(document, body)}
              caption={`Request body of ${operation.method} ${operation.path}`}
            />
          </section>
        )}
        <ResponsesList document={document} operation={operation} />
      </CardContent>
    </Card>
  );
}
