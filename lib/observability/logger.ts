import "server-only";
import pino from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/observability/request-context";

type Destination = pino.DestinationStream;

function createLogger(output: { destination: Destination }) {
  return pino(
    {
      level: env.LOG_LEVEL,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: {
        paths: [
          "authorization",
          "*.authorization",
          "*.headers.authorization",
          "*.headers.cookie",
          "*.secret",
          "*.password",
          "*.token",
        ],
        censor: "[redacted]",
      },
    },
    { write: (line: string) => output.destination.write(line) },
  );
}

// One logger per process; Next.js route bundles and dev reloads would otherwise each make their own.
const globalForLogger = globalThis as unknown as {
  webhookHubLogging?: { output: { destination: Destination }; logger: pino.Logger };
};
const logging = (globalForLogger.webhookHubLogging ??= (() => {
  const output = { destination: pino.destination(1) as Destination };
  return { output, logger: createLogger(output) };
})());

/** JSON lines on stdout; inside a request each line carries its `requestId`. */
export const logger: pino.Logger = logging.logger;

/** Sends log lines to `destination` instead of stdout until the returned function is called (tests read them this way). */
export function routeLogsTo(destination: Destination): () => void {
  const previous = logging.output.destination;
  logging.output.destination = destination;
  return () => {
    logging.output.destination = previous;
  };
}
