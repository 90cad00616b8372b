import type { z } from "zod";
import { AppError } from "@/lib/http/errors";
import { unstorableText } from "@/lib/http/storable-text";

export const defaultMaxBytes = 256 * 1024;
// Deeper JSON than any real payload; past a few thousand levels serialisers overflow the stack.
const maxNestingDepth = 64;

/** How deeply arrays and objects nest in a parsed JSON value, measured without recursion. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > maxNestingDepth) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The whole body, refused with a 413 AppError as soon as it is declared or streamed past `maxBytes`
 * (a missing or false Content-Length does not get past the cap).
 */
export async function readBytesLimited(request: Request, maxBytes: number = defaultMaxBytes): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function nulRefused() {
  return new AppError("validation_failed", "Text cannot contain NUL (\\u0000) characters.");
}

// JSON.parse keeps "__proto__" as a key, but a copy made by assigning keys (as an input schema's
// record does) sets the copy's prototype from it instead and loses the key: it could not be stored
// or delivered as sent, so it is refused, with its path, rather than silently lost.
const prototypeKey = 'A property named "__proto__" is not accepted: it cannot be kept as sent.';

/**
 * Every string and key of a parsed JSON value that Postgres could not store, or that could not be
 * kept as sent, with its path. Checked once for every body, so payloads, properties, schemas and
 * every field of every input are covered.
 */
function unstorableStrings(value: unknown): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  const stack: Array<[unknown, string[]]> = [[value, []]];
  while (stack.length > 0 && issues.length < 20) {
    const [current, path] = stack.pop()!;
    if (typeof current === "string") {
      const problem = unstorableText(current);
      if (problem) issues.push({ path: path.join("."), message: problem });
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    for (const [key, child] of Object.entries(current)) {
      const unstorableKey = unstorableText(key);
      const problem = key === "__proto__" ? prototypeKey : unstorableKey && `Property name: ${unstorableKey}`;
      if (problem) issues.push({ path: [...path, key].join("."), message: problem });
      stack.push([child, [...path, key]]);
    }
  }
  return issues;
}

export function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
}

/**
 * Reads a JSON body with a size cap; every failure is a 4xx AppError. Text Postgres cannot store
 * (NUL, unpaired surrogates) is refused here, for every body, rather than fail at the database.
 * `bytes` is the body's size.
 */
export async function readJsonBody(
  request: Request,
  { maxBytes = defaultMaxBytes } = {},
): Promise<{ value: unknown; bytes: number }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const body = await readBytesLimited(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  if (nestingDepth(value) > maxNestingDepth)
    throw new AppError("validation_failed", `JSON nested deeper than ${maxNestingDepth} levels is not accepted.`);
  const unstorable = unstorableStrings(value);
  if (unstorable.length > 0)
    throw new AppError("validation_failed", "The request holds text that cannot be stored as sent.", unstorable);
  return { value, bytes: body.byteLength };
}

/** Reads a JSON body with a size cap and validates it; every failure is a 4xx AppError. */
export async function parseJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBytes = defaultMaxBytes } = {},
): Promise<z.infer<Schema>> {
  return schema.parse((await readJsonBody(request, { maxBytes })).value);
}

/** Validates URL query parameters against a schema (strings in, typed values out). */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.infer<Schema> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  if (Object.values(params).some((value) => unstorableText(value) !== null)) throw nulRefused();
  return schema.parse(params);
}
