import "server-only";

/**
 * Liveness probe: answers while the server process serves requests. Touches no database and needs
 * no credentials, so it is also the bare route `npm run bench` measures the ingest ceiling against.
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" });
}
