import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Metrics are off unless METRICS_TOKEN is set; then only `Authorization: Bearer <METRICS_TOKEN>` may read them. */
export function authorizeMetricsScrape(request: Request): void {
  if (!env.METRICS_TOKEN) throw new AppError("not_found", "Metrics are off; set METRICS_TOKEN to turn them on.");
  const [scheme, token] = (request.headers.get("authorization") ?? "").split(" ");
  const matches =
    scheme?.toLowerCase() === "bearer" && !!token && timingSafeEqual(digest(token), digest(env.METRICS_TOKEN));
  if (!matches) throw new AppError("unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.");
}
