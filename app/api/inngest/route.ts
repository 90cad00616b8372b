import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { env } from "@/lib/env";

/**
 * Inngest (Cloud, `inngest dev`/`start`, or the local executor) calls the hub's functions here.
 * The URL the app registers is APP_URL's, never one built from the request's Host header.
 */
export const { GET, POST, PUT } = serve({
  client: inngest,
  functions,
  serveOrigin: new URL(env.APP_URL).origin,
  servePath: "/api/inngest",
});
