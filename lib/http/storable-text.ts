import { z } from "zod";

/** Why Postgres could not store this text (NUL, or UTF-16 that is not well formed), or null. */
export function unstorableText(text: string): string | null {
  if (text.includes("\0")) return "Text cannot contain NUL (\\u0000) characters.";
  if (!text.isWellFormed()) return "Text cannot contain unpaired surrogates (such as \\ud800).";
  return null;
}

/**
 * A string Postgres can store. JSON bodies are checked whole by parseJsonBody; this is for input
 * that arrives another way (forms posted to server actions) and is stored as text.
 */
export const storableText = () =>
  z.string().superRefine((value, ctx) => {
    const problem = unstorableText(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
