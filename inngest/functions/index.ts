import { activate } from "@/inngest/functions/activate";
import { deliver } from "@/inngest/functions/deliver";
import { escalate } from "@/inngest/functions/escalate";
import { fanOutEvent } from "@/inngest/functions/fan-out";
import { purge } from "@/inngest/functions/purge";
import { recover } from "@/inngest/functions/recover";
import { sweep } from "@/inngest/functions/sweep";

export const functions = [fanOutEvent, deliver, escalate, activate, recover, sweep, purge];
