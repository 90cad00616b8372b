import type { OpenApiDocument, OpenApiOperation } from "@/lib/openapi/types";

export interface DocumentedOperation extends OpenApiOperation {
  method: string;
  path: string;
}

export interface TagGroup {
  name: string;
  description: string;
  operations: DocumentedOperation[];
}

export const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** The document's operations under its tags, in the document's tag order. */
export function groupByTag(document: OpenApiDocument): TagGroup[] {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ ...operation, method: method.toUpperCase(), path })),
  );
  return document.tags
    .map((tag) => ({ ...tag, operations: operations.filter((operation) => operation.tags.includes(tag.name)) }))
    .filter((group) => group.operations.length > 0);
}
