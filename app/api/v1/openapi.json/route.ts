import "server-only";
import { json } from "@/lib/http/respond";
import { openApiDocument } from "@/lib/openapi/document";

/** The API's OpenAPI 3.1 document, generated from the routes' zod schemas. Public: it holds no org data. */
export function GET(): Response {
  return json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
