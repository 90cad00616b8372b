import type { z } from "zod";
import { AppError } from "@/lib/http/errors";

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

async function readLimited(request: Request, maxBytes: number): Promise<{ text: string; bytes: number }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return { text: "", bytes: 0 };
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
  return { text: Buffer.concat(chunks).toString("utf8"), bytes: size };
}

function nulRefused() {
  return new AppError("validation_failed", "Text cannot contain NUL (\\u0000) characters.");
}

export function tooLarge(maxBytes: number) {
  return new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
}

/** Reads a JSON body with a size cap; every failure is a 4xx AppError. `bytes` is the body's size. */
export async function readJsonBody(request: Request, { maxBytes = defaultMaxBytes } = {}): Promise<{ value: unknown; bytes: number }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const { text, bytes } = await readLimited(request, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The request body is not valid JSON.");
  }
  // Postgres cannot store NUL in text; refuse it here rather than fail at the database.
  if (text.includes("\\u0000")) throw nulRefused();
  if (nestingDepth(value) > maxNestingDepth) throw new AppError("validation_failed", `JSON nested deeper than ${maxNestingDepth} levels is not accepted.`);
  return { value, bytes };
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
  if (Object.values(params).some((value) => value.includes("\0"))) throw nulRefused();
  return schema.parse(params);
}
