import "server-only";
import { Inngest } from "inngest";
import { env } from "@/lib/env";

/**
 * The hub's Inngest client. In cloud mode (the default) it sends events with INNGEST_EVENT_KEY and
 * accepts only calls signed with INNGEST_SIGNING_KEY: from Inngest Cloud, a self-hosted `inngest
 * start` or the local executor `npm run dev` starts (INNGEST_BASE_URL names the last two). Only
 * INNGEST_DEV, the real Inngest dev server, puts it in dev mode, where calls go unsigned.
 */
export const inngest = new Inngest({
  id: "webhook-hub",
  isDev: env.INNGEST_DEV !== undefined,
  baseUrl: env.INNGEST_BASE_URL ?? (env.INNGEST_DEV?.startsWith("http") ? env.INNGEST_DEV : undefined),
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
});
