import { Inngest } from "inngest";
import { env } from "@/lib/env";

/**
 * The hub's Inngest client. With INNGEST_DEV set (the local executor `npm run dev` starts, or the
 * real Inngest dev server) events go there; in production the event and signing keys point it at
 * Inngest Cloud or a self-hosted `inngest start`.
 */
export const inngest = new Inngest({
  id: "webhook-hub",
  isDev: env.INNGEST_DEV !== undefined,
  baseUrl: env.INNGEST_BASE_URL ?? (env.INNGEST_DEV?.startsWith("http") ? env.INNGEST_DEV : undefined),
  eventKey: env.INNGEST_EVENT_KEY,
  signingKey: env.INNGEST_SIGNING_KEY,
});
