import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import { re2RegExp } from "@/lib/event-types/re2-pattern";
import { schemaProblems, type SchemaIssue } from "@/lib/event-types/schema-guard";

/** One reason a payload does not match, in the API's `details` shape: `{ path: "payload.amount", message }`. */
export interface PayloadIssue {
  path: string;
  message: string;
}

export interface CompiledPayloadSchema {
  /** Why the schema was refused; empty when it compiled. A refused schema fails every payload. */
  problems: SchemaIssue[];
  validate(payload: unknown): PayloadIssue[];
}

const maxIssues = 10;

/**
 * One Ajv for every tenant (draft 2020-12, like the OpenAPI 3.1 document). Its options are the
 * security controls: patterns run on RE2; the first failure ends validation (`allErrors` off);
 * `format` is an annotation only, as draft 2020-12 defines it by default; no strict-mode checks,
 * one of which (`allowMatchingProperties`) would test tenant patterns with `RegExp` at compile time;
 * schemas are never registered by `$id`, so one tenant's schema cannot be reached from another's.
 */
const ajv = new Ajv2020({
  code: { regExp: re2RegExp },
  allErrors: false,
  validateFormats: false,
  strict: false,
  allowMatchingProperties: true,
  addUsedSchema: false,
  logger: false,
});

const pointerToPath = (pointer: string) =>
  pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));

const shown = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

const capitalized = (message = "is not valid") => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

/** Ajv's error, said the way the rest of the API says it, at the payload field it concerns. */
function toIssue(error: ErrorObject): PayloadIssue {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  let message: string;
  switch (error.keyword) {
    case "required":
      path.push(String(params.missingProperty));
      message = "Required.";
      break;
    case "additionalProperties":
    case "unevaluatedProperties":
      path.push(String(params.additionalProperty ?? params.unevaluatedProperty));
      message = "Not allowed here: the trigger's schema does not list this property.";
      break;
    case "type":
      message = `Expected ${String(params.type).replaceAll(",", " or ")}.`;
      break;
    case "pattern":
      message = `Must match the pattern ${shown(params.pattern)}.`;
      break;
    case "enum":
      message = `Must be one of ${shown(params.allowedValues)}.`;
      break;
    case "const":
      message = `Must be ${shown(params.allowedValue)}.`;
      break;
    default:
      message = capitalized(error.message);
  }
  return { path: ["payload", ...path].join("."), message };
}

function schemaIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? [])
    .slice(0, maxIssues)
    .map((error) => ({ path: pointerToPath(error.instancePath).join("."), message: capitalized(error.message) }));
}

function refusal(problems: SchemaIssue[]): CompiledPayloadSchema {
  return {
    problems,
    validate: () => [
      {
        path: "payload",
        message: "The trigger's schema is not one the hub can use, so no payload can match it; fix the trigger.",
      },
    ],
  };
}

/**
 * Checks a tenant's JSON Schema against the hub's limits and compiles it once. Pure: no
 * database, no I/O; the time it takes is bounded by the schema limits, and so is the time
 * `validate` takes per payload, whatever the payload.
 */
export function compilePayloadSchema(schema: unknown): CompiledPayloadSchema {
  const problems = schemaProblems(schema);
  if (problems.length > 0) return refusal(problems);
  if (!ajv.validateSchema(schema as object)) return refusal(schemaIssues(ajv.errors));
  let check: ValidateFunction;
  try {
    check = ajv.compile(schema as object);
  } catch {
    return refusal([{ path: "", message: "The schema could not be compiled." }]);
  } finally {
    // Ajv keeps every schema it compiled; the cache below decides what stays in memory.
    ajv.removeSchema(schema as object);
  }
  return {
    problems: [],
    validate(payload) {
      if (check(payload)) return [];
      return (check.errors ?? []).slice(0, maxIssues).map(toIssue);
    },
  };
}

const cacheSize = 500;
const cache = new Map<string, CompiledPayloadSchema>();

/**
 * The compiled schema for a trigger row, compiled at most once per version of the row: the key is
 * its id and `updatedAt`, so an edited schema is compiled afresh. Least recently used go first.
 */
export function payloadSchemaFor(trigger: { id: string; updatedAt: Date; schema: unknown }): CompiledPayloadSchema {
  const key = `${trigger.id}@${trigger.updatedAt.getTime()}`;
  let compiled = cache.get(key);
  if (compiled) cache.delete(key);
  else compiled = compilePayloadSchema(trigger.schema);
  cache.set(key, compiled);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return compiled;
}

/** How many compiled schemas are held, for tests of the cache bound. */
export const cachedPayloadSchemas = () => cache.size;
