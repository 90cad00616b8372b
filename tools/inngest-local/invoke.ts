import { z } from "zod";
import { opSchema, registrationSchema, type InngestEvent, type Registration } from "@/tools/inngest-local/protocol";
import type { CallResult, RunState } from "@/tools/inngest-local/run-state";
import { canonicalJson, hasValidSignature, signatureHeader } from "@/tools/inngest-local/signing";

/** Thrown when the executor stops while a call is in flight: the run is handed back, not judged. */
export class CallAbandoned extends Error {
  constructor() {
    super("The executor stopped during the call.");
  }
}

export interface FunctionCall {
  /** The function's runtime URL from its registration (`…?fnId=…&stepId=step`). */
  url: string;
  runId: string;
  event: InngestEvent;
  state: RunState;
  /** A planned step to run, or null for discovery. */
  stepId: string | null;
  maxAttempts: number;
  timeoutMs: number;
  stopSignal: AbortSignal;
  signingKey: string;
}

// Version 2 lets the SDK run a lone new step immediately instead of planning it first.
const executionVersion = 2;

function requestBody(call: FunctionCall) {
  return {
    event: call.event,
    events: [call.event],
    steps: call.state.steps,
    version: executionVersion,
    ctx: {
      run_id: call.runId,
      attempt: call.state.attempt,
      max_attempts: call.maxAttempts,
      stack: { stack: call.state.stack, current: call.state.stack.length },
      // No fn_id or qi_id: without them the SDK does not try to checkpoint through an API we do not serve.
      disable_immediate_execution: false,
      use_api: false,
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

function failure(message: string, retriable = true): CallResult {
  return { kind: "error", error: { name: "Error", message }, retriable };
}

/**
 * A POST or PUT the way Inngest makes it: the body in canonical JSON (what the SDK re-derives to
 * verify), signed with the signing key, the answer's own signature checked before it is believed.
 */
async function signedRequest(
  url: URL | string,
  method: "POST" | "PUT",
  payload: unknown,
  signingKey: string,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
) {
  const body = canonicalJson(payload);
  const response = await fetch(url, {
    method,
    headers: {
      "content-type": "application/json",
      "x-inngest-server-kind": "cloud",
      "x-inngest-signature": signatureHeader(body, signingKey),
      ...init.headers,
    },
    body,
    signal: init.signal,
  });
  const text = await response.text();
  return { response, text, signed: hasValidSignature(response.headers.get("x-inngest-signature"), text, signingKey) };
}

const unsignedAnswer = (status: number) =>
  `The app answered HTTP ${status} without a valid signature of the executor's signing key.`;

function readAnswer(response: Response, text: string): CallResult {
  const body = parseJson(text);
  const retryAfter = response.headers.get("retry-after") ?? undefined;
  if (response.status === 200)
    return body === undefined
      ? failure("The app answered 200 with a body that is not JSON.")
      : { kind: "completed", output: body };
  if (response.status === 206) {
    const ops = z.array(opSchema).safeParse(body);
    return ops.success
      ? { kind: "ops", ops: ops.data, retryAfter }
      : failure("The app answered 206 without a list of ops.");
  }
  const error =
    body && typeof body === "object"
      ? body
      : { name: "Error", message: `HTTP ${response.status}: ${text.slice(0, 500)}` };
  return { kind: "error", error, retriable: response.headers.get("x-inngest-no-retry") !== "true", retryAfter };
}

/** Nothing listens at the app's address: the request never reached it. */
function refusedConnection(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  return cause?.code === "ECONNREFUSED";
}

/** One request to the app's serve endpoint, the way Inngest makes it; network trouble is a retriable error. */
export async function callFunction(call: FunctionCall): Promise<CallResult> {
  const url = new URL(call.url);
  url.searchParams.set("stepId", call.stepId ?? "step");
  try {
    const { response, text, signed } = await signedRequest(url, "POST", requestBody(call), call.signingKey, {
      headers: { "x-run-id": call.runId },
      signal: AbortSignal.any([call.stopSignal, AbortSignal.timeout(call.timeoutMs)]),
    });
    return signed ? readAnswer(response, text) : failure(unsignedAnswer(response.status));
  } catch (error) {
    if (call.stopSignal.aborted) throw new CallAbandoned();
    if (refusedConnection(error)) return { kind: "unreachable" };
    return failure(
      `Calling ${url.origin}${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Asks the app for its functions with an in-band sync (a PUT the SDK answers with its
 * registration). Returns null when the app registered out of band instead, by POSTing to our
 * `/fn/register` (INNGEST_ALLOW_IN_BAND_SYNC=false).
 */
export async function fetchRegistration(serveUrl: string, signingKey: string): Promise<Registration | null> {
  const { response, text, signed } = await signedRequest(serveUrl, "PUT", { url: serveUrl }, signingKey, {
    headers: { "x-inngest-sync-kind": "in_band" },
  });
  if (response.status !== 200)
    throw new Error(`Syncing ${serveUrl} failed with HTTP ${response.status}: ${text.slice(0, 500)}`);
  if (!signed) throw new Error(`Syncing ${serveUrl}: ${unsignedAnswer(response.status)}`);
  if (response.headers.get("x-inngest-sync-kind") !== "in_band") return null;
  const registration = registrationSchema.safeParse(parseJson(text));
  if (!registration.success)
    throw new Error(`Syncing ${serveUrl}: the app's registration is not valid: ${registration.error.message}`);
  return registration.data;
}
