import type { RegExpEngine } from "ajv/dist/types";
import { RE2JS, RE2JSException } from "re2js";

/** Longer patterns than any real payload field needs; RE2 runs in time proportional to pattern × input. */
export const maxPatternLength = 1_000;

/**
 * Compiles a JSON Schema `pattern` (ECMA-262 syntax) for RE2, which matches in linear time.
 * JS-only escapes (`\uXXXX`, `[^]`, `\/`) are translated first; what RE2 cannot express at all
 * (backreferences, lookahead, lookbehind) throws.
 */
function compileRe2(pattern: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern));
}

/**
 * A tenant's pattern as RE2 sees it: why it is refused, in words a person can act on, or its
 * cost (RE2's program size; matching takes time proportional to it times the input's length).
 */
export function re2Pattern(pattern: string): { problem: string } | { cost: number } {
  if (pattern.length > maxPatternLength) return { problem: `Patterns are limited to ${maxPatternLength} characters.` };
  try {
    return { cost: compileRe2(pattern).programSize() };
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return {
      problem: `This pattern cannot run on the hub's linear-time regex engine (RE2): ${error.message}. Backreferences, lookahead and lookbehind are not supported.`,
    };
  }
}

/**
 * Ajv's `code.regExp`: every `pattern` and `patternProperties` key runs on RE2 instead of the
 * backtracking `RegExp`. Ajv caches compiled patterns by `toString()`, so it names the pattern.
 */
export const re2RegExp: RegExpEngine = Object.assign(
  (pattern: string) => {
    const compiled = compileRe2(pattern);
    return { test: (input: string) => compiled.test(input), toString: () => `re2:${pattern}` };
  },
  { code: "re2" },
);
