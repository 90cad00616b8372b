import { z } from "zod";

/**
 * The slice of the Inngest wire protocol the local executor speaks: what an SDK registers, the
 * events it sends, and the ops a function call answers with. Unknown fields pass through.
 */

export const eventTriggerSchema = z.object({ event: z.string().min(1), expression: z.string().optional() });
export const cronTriggerSchema = z.object({ cron: z.string().min(1), jitter: z.string().optional() });

export const functionConfigSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z.array(z.union([eventTriggerSchema, cronTriggerSchema])),
  steps: z.record(
    z.string(),
    z.looseObject({
      runtime: z.looseObject({ url: z.string().min(1) }),
      retries: z.looseObject({ attempts: z.number().int().min(0).optional() }).optional(),
    }),
  ),
  cancel: z
    .array(z.object({ event: z.string().min(1), if: z.string().optional(), timeout: z.string().optional() }))
    .optional(),
});
export type FunctionConfig = z.infer<typeof functionConfigSchema>;

/** What the SDK sends to `/fn/register`, or answers to an in-band sync (`PUT` with x-inngest-sync-kind: in_band). */
export const registrationSchema = z
  .looseObject({
    url: z.string().min(1),
    appName: z.string().min(1).optional(),
    app_id: z.string().min(1).optional(),
    functions: z.array(functionConfigSchema),
  })
  .refine((body) => body.appName ?? body.app_id, { message: "The registration names no app." })
  .transform((body) => ({ appId: (body.app_id ?? body.appName)!, url: body.url, functions: body.functions }));
export type Registration = z.infer<typeof registrationSchema>;

/** An event as `inngest.send()` posts it to `/e/<key>`. */
export const incomingEventSchema = z.looseObject({
  name: z.string().min(1),
  data: z.unknown().optional(),
  id: z.string().min(1).optional(),
  ts: z.number().optional(),
  v: z.string().optional(),
});
export type IncomingEvent = z.infer<typeof incomingEventSchema>;

/** An event as functions receive it: id and time always set. */
export interface InngestEvent {
  name: string;
  data: unknown;
  id: string;
  ts: number;
  v?: string;
}

/** One op from a 206 answer: a step that ran, failed, wants to run, or wants to sleep. */
export const opSchema = z.looseObject({
  id: z.string().min(1),
  op: z.string().min(1),
  name: z.string().optional(),
  displayName: z.string().optional(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type Op = z.infer<typeof opSchema>;

export const internalEvents = {
  functionFailed: "inngest/function.failed",
  scheduledTimer: "inngest/scheduled.timer",
} as const;

/** Where the SDK sends each function's calls, and how many retries it allows (Inngest's default is 3). */
export function functionRuntime(config: FunctionConfig): { url: string; maxAttempts: number } {
  const step = config.steps.step ?? Object.values(config.steps)[0];
  if (!step) throw new Error(`Function "${config.id}" registered no step to call.`);
  return { url: step.runtime.url, maxAttempts: (step.retries?.attempts ?? 3) + 1 };
}
