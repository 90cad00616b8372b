import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let transporter: Transporter | null = null;

/** Null when no SMTP server is configured; `npm run dev` always configures its embedded one. */
export function mailTransport(): Transporter | null {
  if (!env.SMTP_URL) return null;
  // Bounded waits: a slow mail server must not hold a request for minutes.
  transporter ??= nodemailer.createTransport({
    url: env.SMTP_URL,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return transporter;
}
