import type { Prisma } from "@/generated/prisma/client";
import type { SqlClient } from "@/lib/sql";

// Postgres text holds neither NUL nor a lone surrogate; what a receiver or an error put there is dropped or replaced.
const storable = (text: string | null | undefined) =>
  typeof text === "string" ? text.replaceAll("\u0000", "").toWellFormed() : (text ?? null);

/**
 * A round's attempts in one statement: the rows travel as one JSON document, which Postgres
 * unpacks. Prisma's createMany builds the same insert at several times the CPU, and this is the
 * engine's hottest write.
 */
export async function insertAttempts(tx: SqlClient, attempts: Prisma.AttemptUncheckedCreateInput[]): Promise<void> {
  if (attempts.length === 0) return;
  const rows = attempts.map((attempt) => ({
    ...attempt,
    requestUrl: storable(attempt.requestUrl),
    requestBody: storable(attempt.requestBody),
    responseBody: storable(attempt.responseBody),
    errorClass: storable(attempt.errorClass),
    errorMessage: storable(attempt.errorMessage),
    responseHeaders: attempt.responseHeaders ?? null,
  }));
  await tx.$executeRaw`
    INSERT INTO "Attempt" ("orgId", "deliveryId", number, trigger, "followUp", "requestUrl", "requestHeaders", "requestBody", "responseStatus",
                           "responseHeaders", "responseBody", "responseTruncated", "durationMs", success, "errorClass", "errorMessage")
    SELECT "orgId", "deliveryId", number, trigger::"AttemptTrigger", "followUp", "requestUrl", "requestHeaders", "requestBody", "responseStatus",
           "responseHeaders", "responseBody", COALESCE("responseTruncated", false), "durationMs", success, "errorClass", "errorMessage"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS a(
      "orgId" text, "deliveryId" text, number int, trigger text, "followUp" int, "requestUrl" text, "requestHeaders" jsonb, "requestBody" text,
      "responseStatus" int, "responseHeaders" jsonb, "responseBody" text, "responseTruncated" boolean, "durationMs" int, success boolean,
      "errorClass" text, "errorMessage" text)`;
}
