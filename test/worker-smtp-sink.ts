import { smtpSinkPort } from "@/test/engine-env";
import { startSmtpSink, type SmtpSinkOptions, type SmtpSink } from "@/tools/smtp-sink";
import { whenPortFree } from "@/test/when-port-free";

/** A real SMTP server on this worker's mail port, where lib/env's SMTP_URL points (test/engine-env.ts). */
export function startWorkerSmtpSink(options: Omit<SmtpSinkOptions, "port"> = {}): Promise<SmtpSink> {
  return whenPortFree(() => startSmtpSink({ ...options, port: smtpSinkPort }));
}
