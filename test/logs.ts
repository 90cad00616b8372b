import { routeLogsTo } from "@/lib/observability/logger";

export interface CapturedLogs {
  /** Every line written so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  stop(): void;
}

/** Reads what the app logs: its JSON lines go to this capture instead of stdout until `stop()`. */
export function captureLogs(): CapturedLogs {
  const written: string[] = [];
  const stop = routeLogsTo({ write: (line: string) => void written.push(line) });
  return {
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    stop,
  };
}
