import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

/** Inngest (Cloud, `inngest dev`/`start`, or the local executor) calls the hub's functions here. */
export const { GET, POST, PUT } = serve({ client: inngest, functions });
