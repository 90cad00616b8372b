import { maxPatternLength, re2Pattern } from "@/lib/event-types/re2-pattern";

/**
 * What a tenant's trigger schema may be. Payload validation runs inside the request that
 * publishes, on a shared event loop, so every schema must validate in time bounded by the
 * payload's size: no recursion, no remote documents, no backtracking regexes, no unbounded work.
 */
export const schemaLimits = {
  /** Serialized JSON, in bytes. */
  maxBytes: 64 * 1024,
  /** JSON nesting of the schema document itself. */
  maxDepth: 32,
  /** Subschemas once every `$ref` is expanded in place: bounds the work done per payload value. */
  maxExpandedSubschemas: 2_000,
  maxPatternLength,
  /**
   * RE2 program size of every pattern together, once every `$ref` is expanded. A string is tested
   * by at most these patterns, each in time proportional to its program size times the string's length.
   */
  maxPatternCost: 4_000,
  /** `uniqueItems` on objects or arrays compares every pair, so it needs a `maxItems` up to this. */
  maxUniqueItems: 1_000,
};

export const supportedDialect = "https://json-schema.org/draft/2020-12/schema";

export interface SchemaIssue {
  /** Where in the schema, dot-separated (`properties.email.pattern`); "" for the schema as a whole. */
  path: string;
  message: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const singleSubschema = [
  "additionalProperties",
  "additionalItems",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "contains",
  "not",
  "if",
  "then",
  "else",
  "contentSchema",
];
const subschemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
const subschemaMaps = ["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"];
const refused: Record<string, string> = {
  $id: "`$id` is not supported: the hub identifies a schema by its trigger, and other documents cannot be loaded.",
  $anchor: "`$anchor` is not supported: put shared parts under `$defs` and refer to them as `#/$defs/<name>`.",
  $dynamicRef: "`$dynamicRef` is not supported: recursive schemas are refused.",
  $dynamicAnchor: "`$dynamicAnchor` is not supported: recursive schemas are refused.",
  $recursiveRef: "`$recursiveRef` is not supported: recursive schemas are refused.",
  $recursiveAnchor: "`$recursiveAnchor` is not supported: recursive schemas are refused.",
};
const scalarTypes = new Set(["string", "number", "integer", "boolean", "null"]);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const own = (object: JsonObject, key: string) => Object.prototype.hasOwnProperty.call(object, key);
const join = (path: string[]) => path.join(".");

/** JSON nesting depth, counted without recursion and stopping once past `limit`. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/** A `$ref` the hub follows: `#/$defs/<name>` or `#/definitions/<name>`, naming an entry of the root. */
function localDefinition(root: JsonObject, ref: string): string | null {
  for (const section of ["$defs", "definitions"]) {
    const prefix = `#/${section}/`;
    if (!ref.startsWith(prefix)) continue;
    const rest = ref.slice(prefix.length);
    if (rest.length === 0 || rest.includes("/")) return null;
    let name: string;
    try {
      name = decodeURIComponent(rest).replaceAll("~1", "/").replaceAll("~0", "~");
    } catch {
      return null;
    }
    const definitions = root[section];
    return isObject(definitions) && own(definitions, name) ? `${section}/${name}` : null;
  }
  return null;
}

interface Region {
  size: number;
  patternCost: number;
  refs: Array<{ target: string; path: string }>;
}

/** Walks a schema along its subschema keywords only: `const`, `enum`, `default`, `examples` hold data, not schemas. */
class Walk {
  readonly issues: SchemaIssue[] = [];
  /** Per region (the root, or one `$defs` entry): its subschemas and the definitions it refers to. */
  readonly regions = new Map<string, Region>();

  constructor(private readonly root: JsonObject) {}

  visit(node: unknown, path: string[], region: string) {
    const stats = this.regions.get(region) ?? { size: 0, patternCost: 0, refs: [] };
    this.regions.set(region, stats);
    stats.size += 1;
    if (!isObject(node)) return;
    for (const [keyword, message] of Object.entries(refused)) {
      if (own(node, keyword)) this.issues.push({ path: join([...path, keyword]), message });
    }
    if (own(node, "$schema")) this.checkDialect(node.$schema, path);
    if (own(node, "$ref")) this.checkRef(node.$ref, path, stats);
    if (own(node, "pattern") && typeof node.pattern === "string")
      this.checkPattern(node.pattern, [...path, "pattern"], stats);
    if (isObject(node.patternProperties)) {
      for (const pattern of Object.keys(node.patternProperties))
        this.checkPattern(pattern, [...path, "patternProperties", pattern], stats);
    }
    if (node.uniqueItems === true) this.checkUniqueItems(node, path);

    for (const keyword of singleSubschema)
      if (own(node, keyword)) this.visit(node[keyword], [...path, keyword], region);
    for (const keyword of subschemaLists) {
      const list = node[keyword];
      if (own(node, keyword) && Array.isArray(list))
        list.forEach((child, index) => this.visit(child, [...path, keyword, String(index)], region));
    }
    if (own(node, "items")) {
      const items = node.items;
      if (Array.isArray(items))
        items.forEach((child, index) => this.visit(child, [...path, "items", String(index)], region));
      else this.visit(items, [...path, "items"], region);
    }
    for (const keyword of subschemaMaps) {
      const map = node[keyword];
      if (!own(node, keyword) || !isObject(map)) continue;
      for (const [name, child] of Object.entries(map)) {
        // Top-level definitions are regions of their own, so references between them form a graph.
        const childRegion =
          node === this.root && (keyword === "$defs" || keyword === "definitions") ? `${keyword}/${name}` : region;
        this.visit(child, [...path, keyword, name], childRegion);
      }
    }
    if (isObject(node.dependencies)) {
      for (const [name, child] of Object.entries(node.dependencies))
        if (!Array.isArray(child)) this.visit(child, [...path, "dependencies", name], region);
    }
  }

  private checkDialect(value: unknown, path: string[]) {
    const location = join([...path, "$schema"]);
    if (path.length > 0)
      this.issues.push({ path: location, message: "`$schema` is only allowed at the top of the schema." });
    else if (value !== supportedDialect && value !== `${supportedDialect}#`) {
      this.issues.push({
        path: location,
        message: `Only JSON Schema draft 2020-12 (${supportedDialect}) is supported; leave \`$schema\` out or use that.`,
      });
    }
  }

  private checkRef(ref: unknown, path: string[], stats: Region) {
    const location = join([...path, "$ref"]);
    const target = typeof ref === "string" ? localDefinition(this.root, ref) : null;
    if (target) stats.refs.push({ target, path: location });
    else if (typeof ref === "string" && !ref.startsWith("#")) {
      this.issues.push({
        path: location,
        message: "Remote `$ref` is not supported: the schema must be self-contained. Use `#/$defs/<name>`.",
      });
    } else {
      this.issues.push({
        path: location,
        message: "`$ref` must name an entry of the schema's own `$defs` (or `definitions`), as `#/$defs/<name>`.",
      });
    }
  }

  private checkPattern(pattern: string, path: string[], stats: Region) {
    const compiled = re2Pattern(pattern);
    if ("problem" in compiled) this.issues.push({ path: join(path), message: compiled.problem });
    else stats.patternCost += compiled.cost;
  }

  private checkUniqueItems(node: JsonObject, path: string[]) {
    const items = node.items;
    const types = isObject(items) ? (Array.isArray(items.type) ? items.type : [items.type]) : [];
    const scalarItems = types.length > 0 && types.every((type) => typeof type === "string" && scalarTypes.has(type));
    const bounded = typeof node.maxItems === "number" && node.maxItems <= schemaLimits.maxUniqueItems;
    if (!scalarItems && !bounded) {
      this.issues.push({
        path: join([...path, "uniqueItems"]),
        message: `\`uniqueItems\` needs \`items\` of a scalar type (string, number, integer, boolean, null) or a \`maxItems\` of at most ${schemaLimits.maxUniqueItems}.`,
      });
    }
  }
}

/** Refuses `$ref` cycles, then checks the schema's size and pattern cost with every `$ref` expanded. */
function checkReferenceGraph(walk: Walk): SchemaIssue[] {
  const expanded = new Map<string, { size: number; patternCost: number }>();
  const visiting = new Set<string>();
  const cycles: SchemaIssue[] = [];
  // Saturate: the exact figure past a cap does not matter, and it could grow exponentially.
  const saturate = (total: { size: number; patternCost: number }) => ({
    size: Math.min(total.size, schemaLimits.maxExpandedSubschemas + 1),
    patternCost: Math.min(total.patternCost, schemaLimits.maxPatternCost + 1),
  });

  const expand = (region: string, trail: string[]) => {
    const known = expanded.get(region);
    if (known) return known;
    const stats = walk.regions.get(region) ?? { size: 0, patternCost: 0, refs: [] };
    visiting.add(region);
    let total = { size: stats.size, patternCost: stats.patternCost };
    for (const { target, path } of stats.refs) {
      if (visiting.has(target)) {
        const loop = [...trail.slice(trail.indexOf(target)), target].map((name) => `#/${name}`).join(" → ");
        cycles.push({ path, message: `This \`$ref\` makes a cycle (${loop}); recursive schemas are not supported.` });
        continue;
      }
      const inner = expand(target, [...trail, target]);
      total = saturate({ size: total.size + inner.size, patternCost: total.patternCost + inner.patternCost });
    }
    visiting.delete(region);
    expanded.set(region, total);
    return total;
  };

  for (const region of walk.regions.keys()) if (region !== "") expand(region, [region]);
  const total = expand("", [""]);
  if (cycles.length > 0) return cycles;
  const issues: SchemaIssue[] = [];
  if (total.size > schemaLimits.maxExpandedSubschemas) {
    issues.push({
      path: "",
      message: `The schema expands to more than ${schemaLimits.maxExpandedSubschemas} subschemas once every \`$ref\` is followed; simplify it.`,
    });
  }
  if (total.patternCost > schemaLimits.maxPatternCost) {
    issues.push({
      path: "",
      message: `The schema's patterns are too complex together (RE2 program size over ${schemaLimits.maxPatternCost} once every \`$ref\` is followed); use fewer or simpler patterns.`,
    });
  }
  return issues;
}

/**
 * Every reason the hub refuses a tenant's schema, before Ajv sees it. Empty means Ajv may
 * compile it. Cheap and bounded itself: depth is checked without recursion before anything else.
 */
export function schemaProblems(schema: unknown): SchemaIssue[] {
  if (typeof schema === "boolean") return [];
  if (!isObject(schema)) return [{ path: "", message: "A schema must be a JSON object." }];
  if (depthExceeds(schema, schemaLimits.maxDepth)) {
    return [{ path: "", message: `The schema nests deeper than ${schemaLimits.maxDepth} levels.` }];
  }
  if (Buffer.byteLength(JSON.stringify(schema)) > schemaLimits.maxBytes) {
    return [{ path: "", message: `The schema is larger than ${schemaLimits.maxBytes / 1024} KB.` }];
  }
  const walk = new Walk(schema);
  walk.visit(schema, [], "");
  if (walk.issues.length > 0) return walk.issues.slice(0, 20);
  return checkReferenceGraph(walk);
}
