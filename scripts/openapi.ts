/**
 * Prints the OpenAPI document the API serves at GET /api/v1/openapi.json, without starting the app:
 *
 *   npx tsx scripts/openapi.ts > /tmp/openapi-before.json
 *   (change a route's declaration in lib/openapi/operations/)
 *   npx tsx scripts/openapi.ts > /tmp/openapi-after.json && diff /tmp/openapi-before.json /tmp/openapi-after.json
 */
import { buildOpenApiDocument } from "@/lib/openapi/document";

process.stdout.write(`${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
