import "server-only";
import { activate } from "@/inngest/functions/activate";
import { deliverWebhook } from "@/inngest/functions/deliver-webhook";
import { escalate } from "@/inngest/functions/escalate";
import { purge } from "@/inngest/functions/purge";
import { sweep } from "@/inngest/functions/sweep";

export const functions = [deliverWebhook, escalate, activate, sweep, purge];
