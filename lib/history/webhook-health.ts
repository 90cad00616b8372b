import "server-only";
import { db } from "@/lib/db";
import { rangeStart } from "@/lib/history/stats";

/** A webhook's last attempt: when, and how it ended. */
export interface LastAttempt {
  at: Date;
  success: boolean;
  /** Null when no complete response arrived; errorClass then says why. */
  responseStatus: number | null;
  errorClass: string | null;
}

/** One webhook's line in the webhooks list: its last day of attempts and its last result. */
export interface WebhookListHealth {
  webhookId: string;
  /** Attempts in the last 24 h (whole UTC hours, as the overview counts them). */
  attempts: number;
  /** The share of those answered with success; null with none. */
  successRate: number | null;
  lastAttempt: LastAttempt | null;
}

interface Row {
  webhookId: string;
  attempts: number;
  succeeded: number;
  lastAt: Date | null;
  lastSuccess: boolean | null;
  lastStatus: number | null;
  lastErrorClass: string | null;
}

/**
 * Every webhook of the org with its success rate over the last 24 h and its last attempt, in one
 * statement: the rate from the hourly rollup (as the overview's), the last attempt from the
 * webhook's most recently attempted delivery (Delivery(orgId, webhookId, lastAttemptAt)) and that
 * delivery's newest attempt (Attempt(deliveryId, number DESC)). Two index probes per webhook, at
 * any volume.
 */
export async function webhookListHealth(orgId: string, now = new Date()): Promise<WebhookListHealth[]> {
  const from = rangeStart("24h", now);
  const rows = await db.$queryRaw<Row[]>`
    SELECT w.id AS "webhookId",
           coalesce(r.attempts, 0)::int AS attempts, coalesce(r.succeeded, 0)::int AS succeeded,
           l."createdAt" AS "lastAt", l.success AS "lastSuccess",
           l."responseStatus" AS "lastStatus", l."errorClass" AS "lastErrorClass"
    FROM "Webhook" w
    LEFT JOIN LATERAL (
      SELECT sum(h.attempts) AS attempts, sum(h.succeeded) AS succeeded FROM "AttemptHourly" h
      WHERE h."orgId" = ${orgId} AND h."webhookId" = w.id AND h."hour" >= ${from.toISOString()}::timestamp
    ) r ON true
    LEFT JOIN LATERAL (
      SELECT a."createdAt", a.success, a."responseStatus", a."errorClass"
      FROM "Delivery" d
      CROSS JOIN LATERAL (
        SELECT a."createdAt", a.success, a."responseStatus", a."errorClass" FROM "Attempt" a
        WHERE a."deliveryId" = d.id AND a."orgId" = ${orgId}
        ORDER BY a.number DESC, a."followUp" DESC LIMIT 1
      ) a
      WHERE d."orgId" = ${orgId} AND d."webhookId" = w.id AND d."lastAttemptAt" IS NOT NULL
      ORDER BY d."lastAttemptAt" DESC LIMIT 1
    ) l ON true
    WHERE w."orgId" = ${orgId}`;
  return rows.map((row) => ({
    webhookId: row.webhookId,
    attempts: row.attempts,
    successRate: row.attempts === 0 ? null : row.succeeded / row.attempts,
    lastAttempt:
      row.lastAt === null
        ? null
        : {
            at: row.lastAt,
            success: row.lastSuccess ?? false,
            responseStatus: row.lastStatus,
            errorClass: row.lastErrorClass,
          },
  }));
}
