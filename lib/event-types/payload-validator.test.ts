import { describe, expect, it } from "vitest";
import { cachedPayloadSchemas, compilePayloadSchema, payloadSchemaFor } from "@/lib/event-types/payload-validator";
import { schemaLimits } from "@/lib/event-types/schema-guard";

const catastrophic = "^(a+)+$";
// On a backtracking engine this input takes about 2^40 steps: hours, with the event loop blocked.
const evilInput = `${"a".repeat(40)}!`;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

const problemsOf = (schema: unknown) => compilePayloadSchema(schema).problems;

describe("patterns run in linear time", () => {
  it("answers a catastrophic pattern on a 40-character input at once, with a readable issue", () => {
    const schema = compilePayloadSchema({
      type: "object",
      properties: { s: { type: "string", pattern: catastrophic } },
    });
    expect(schema.problems).toEqual([]);
    const { result, ms } = timed(() => schema.validate({ s: evilInput }));
    expect(result).toEqual([{ path: "payload.s", message: `Must match the pattern "${catastrophic}".` }]);
    expect(ms).toBeLessThan(1_000);
    expect(schema.validate({ s: "aaaa" })).toEqual([]);
  });

  it("matches patternProperties keys on RE2 too", () => {
    const schema = compilePayloadSchema({ type: "object", patternProperties: { [catastrophic]: { type: "number" } } });
    const { result, ms } = timed(() =>
      schema.validate({ [evilInput]: "not checked: the key does not match", aaa: "text" }),
    );
    expect(result).toEqual([{ path: "payload.aaa", message: "Expected number." }]);
    expect(ms).toBeLessThan(1_000);
  });

  it("never tests a tenant pattern with RegExp while compiling (Ajv's matching-properties check)", () => {
    const { result, ms } = timed(() =>
      compilePayloadSchema({
        type: "object",
        properties: { [evilInput]: { type: "string" } },
        patternProperties: { [catastrophic]: { type: "string" } },
      }),
    );
    expect(result.problems).toEqual([]);
    expect(ms).toBeLessThan(1_000);
  });

  it("keeps different patterns in one schema apart", () => {
    const schema = compilePayloadSchema({
      type: "object",
      properties: { a: { type: "string", pattern: "^a$" }, b: { type: "string", pattern: "^b$" } },
    });
    expect(schema.validate({ a: "a", b: "b" })).toEqual([]);
    expect(schema.validate({ a: "a", b: "a" })).toEqual([
      { path: "payload.b", message: 'Must match the pattern "^b$".' },
    ]);
  });

  it("translates ECMA-262 escapes RE2 writes differently", () => {
    const schema = compilePayloadSchema({ type: "string", pattern: "^caf\\u00e9\\/\\d+$" });
    expect(schema.problems).toEqual([]);
    expect(schema.validate("café/42")).toEqual([]);
    expect(schema.validate("cafe/42")).toHaveLength(1);
  });
});

describe("schemas refused before they are used", () => {
  const refusals: Array<[string, unknown, { path: string; message: RegExp }]> = [
    ["a reference to the whole schema", { $ref: "#" }, { path: "$ref", message: /#\/\$defs\/<name>/ }],
    [
      "a reference into properties",
      { properties: { a: { type: "string" } }, $ref: "#/properties/a" },
      { path: "$ref", message: /\$defs/ },
    ],
    ["a reference to a missing definition", { $ref: "#/$defs/nowhere" }, { path: "$ref", message: /\$defs/ }],
    [
      "a cycle through $defs",
      {
        $defs: { a: { properties: { next: { $ref: "#/$defs/b" } } }, b: { items: { $ref: "#/$defs/a" } } },
        $ref: "#/$defs/a",
      },
      { path: "$defs.b.items.$ref", message: /cycle \(#\/\$defs\/a → #\/\$defs\/b → #\/\$defs\/a\)/ },
    ],
    [
      "a definition that refers to itself",
      { definitions: { node: { properties: { child: { $ref: "#/definitions/node" } } } } },
      { path: "definitions.node.properties.child.$ref", message: /cycle/ },
    ],
    [
      "a remote reference",
      { properties: { a: { $ref: "https://evil.example/schema.json" } } },
      { path: "properties.a.$ref", message: /Remote `\$ref`/ },
    ],
    ["a relative remote reference", { $ref: "other.json#/$defs/a" }, { path: "$ref", message: /Remote/ }],
    ["an $id URL", { $id: "https://evil.example/schema.json", type: "object" }, { path: "$id", message: /\$id/ }],
    [
      "$dynamicRef",
      { $dynamicAnchor: "node", properties: { a: { $dynamicRef: "#node" } } },
      { path: "$dynamicAnchor", message: /recursive/ },
    ],
    [
      "a backreference",
      { properties: { a: { type: "string", pattern: "^(a)\\1$" } } },
      { path: "properties.a.pattern", message: /RE2.*Backreferences, lookahead and lookbehind are not supported/ },
    ],
    [
      "a lookahead in patternProperties",
      { patternProperties: { "^a(?=b)": {} } },
      { path: "patternProperties.^a(?=b)", message: /RE2/ },
    ],
    [
      "an over-long pattern",
      { type: "string", pattern: "a".repeat(schemaLimits.maxPatternLength + 1) },
      { path: "pattern", message: /limited to 1000 characters/ },
    ],
    [
      "another draft",
      { $schema: "http://json-schema.org/draft-07/schema#", type: "object" },
      { path: "$schema", message: /2020-12/ },
    ],
    [
      "uniqueItems over unbounded objects",
      { type: "array", items: { type: "object" }, uniqueItems: true },
      { path: "uniqueItems", message: /maxItems/ },
    ],
    ["a schema Ajv cannot use", { type: "strin" }, { path: "type", message: /allowed values/ }],
  ];

  it.each(refusals)("refuses %s", (_name, schema, expected) => {
    const problems = problemsOf(schema);
    expect(problems).toContainEqual({ path: expected.path, message: expect.stringMatching(expected.message) });
    expect(compilePayloadSchema(schema).validate({})).toEqual([
      { path: "payload", message: expect.stringContaining("fix the trigger") },
    ]);
  });

  it("refuses schemas over the size cap and the depth cap", () => {
    expect(problemsOf({ type: "object", description: "x".repeat(schemaLimits.maxBytes) })).toEqual([
      { path: "", message: "The schema is larger than 64 KB." },
    ]);
    let deep: Record<string, unknown> = { type: "string" };
    for (let level = 0; level < schemaLimits.maxDepth / 2; level++) deep = { type: "object", properties: { a: deep } };
    expect(problemsOf(deep)).toEqual([{ path: "", message: "The schema nests deeper than 32 levels." }]);
    // One level shallower is accepted: the cap is where it says.
    expect(problemsOf((deep.properties as { a: unknown }).a)).toEqual([]);
  });

  it("refuses definitions that expand exponentially, though each is small", () => {
    const $defs: Record<string, unknown> = { d0: { type: "string", minLength: 3 } };
    for (let i = 1; i <= 20; i++)
      $defs[`d${i}`] = { anyOf: [{ $ref: `#/$defs/d${i - 1}` }, { $ref: `#/$defs/d${i - 1}` }] };
    const { result, ms } = timed(() => problemsOf({ $defs, $ref: "#/$defs/d20" }));
    expect(result).toEqual([{ path: "", message: expect.stringContaining("expands to more than 2000 subschemas") }]);
    expect(ms).toBeLessThan(1_000);
  });

  it("refuses patterns too costly together, counting each use through $ref", () => {
    // RE2 program size about 3,600: alone it fits the budget, used twice it does not.
    const costly = { type: "string", pattern: "^(?:[a-z][a-z]?){1,900}$" };
    expect(problemsOf({ properties: { a: costly } })).toEqual([]);
    const expected = [{ path: "", message: expect.stringContaining("patterns are too complex together") }];
    expect(problemsOf({ properties: { a: costly, b: costly } })).toEqual(expected);
    expect(
      problemsOf({ $defs: { code: costly }, properties: { a: { $ref: "#/$defs/code" }, b: { $ref: "#/$defs/code" } } }),
    ).toEqual(expected);
  });

  it("looks for schema keywords only where schemas are: $ref inside const, enum or default is data", () => {
    expect(
      problemsOf({
        type: "object",
        const: { $ref: "#" },
        default: { $id: "https://x.example" },
        enum: [{ $ref: "#" }],
      }),
    ).toEqual([]);
  });
});

describe("what a schema may do", () => {
  const order = compilePayloadSchema({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    required: ["id", "customer"],
    additionalProperties: false,
    properties: {
      id: { type: "string", pattern: "^ord_[0-9a-f]{8}$" },
      customer: { $ref: "#/$defs/customer" },
      billing: { $ref: "#/$defs/customer" },
      tags: { type: "array", items: { type: "string" }, uniqueItems: true },
      metadata: { type: "object", patternProperties: { "^x-": { type: "string" } }, additionalProperties: false },
      email: { type: "string", format: "email" },
    },
    $defs: { customer: { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 1 } } } },
  });
  const valid = { id: "ord_0123abcd", customer: { name: "Ada" }, tags: ["a", "b"], metadata: { "x-source": "api" } };

  it("compiles a schema with local references used twice, patterns, patternProperties and required", () => {
    expect(order.problems).toEqual([]);
    expect(order.validate(valid)).toEqual([]);
  });

  it("names the payload field and says what is wrong", () => {
    expect(order.validate({ ...valid, customer: {} })).toEqual([
      { path: "payload.customer.name", message: "Required." },
    ]);
    expect(order.validate({ ...valid, customer: { name: 5 } })).toEqual([
      { path: "payload.customer.name", message: "Expected string." },
    ]);
    expect(order.validate({ ...valid, id: "ord_x" })).toEqual([
      { path: "payload.id", message: 'Must match the pattern "^ord_[0-9a-f]{8}$".' },
    ]);
    expect(order.validate({ ...valid, extra: 1 })).toEqual([
      { path: "payload.extra", message: expect.stringContaining("does not list this property") },
    ]);
    expect(order.validate({ ...valid, metadata: { other: "x" } })).toEqual([
      { path: "payload.metadata.other", message: expect.stringContaining("does not list") },
    ]);
    expect(order.validate({ ...valid, tags: ["a", "a"] })).toEqual([
      { path: "payload.tags", message: expect.stringMatching(/^Must NOT have duplicate items/) },
    ]);
    expect(order.validate({ ...valid, customer: { name: "" } })).toEqual([
      { path: "payload.customer.name", message: "Must NOT have fewer than 1 characters." },
    ]);
  });

  it("treats format as an annotation: it is documented, not checked", () => {
    expect(order.validate({ ...valid, email: "not an email" })).toEqual([]);
  });

  it("stops at the first failure, so a huge invalid payload gives a short answer quickly", () => {
    const items = compilePayloadSchema({ type: "array", items: { type: "object" }, maxItems: 500, uniqueItems: true });
    expect(items.problems).toEqual([]);
    const { result, ms } = timed(() => items.validate(Array.from({ length: 50_000 }, () => ({}))));
    expect(result).toEqual([{ path: "payload", message: "Must NOT have more than 500 items." }]);
    expect(ms).toBeLessThan(1_000);
    const strings = compilePayloadSchema({ type: "array", items: { type: "number" } });
    expect(strings.validate(Array.from({ length: 50_000 }, () => "x"))).toHaveLength(1);
  });
});

describe("the compiled-schema cache", () => {
  const trigger = (id: string, updatedAt = new Date("2026-01-01T00:00:00Z")) => ({
    id,
    updatedAt,
    schema: { type: "object", required: [id] },
  });

  it("compiles a trigger once per version of its row", () => {
    const first = payloadSchemaFor(trigger("etp_cache_a"));
    expect(payloadSchemaFor(trigger("etp_cache_a"))).toBe(first);
    const edited = payloadSchemaFor({
      ...trigger("etp_cache_a", new Date("2026-01-02T00:00:00Z")),
      schema: { type: "object" },
    });
    expect(edited).not.toBe(first);
    expect(edited.validate({})).toEqual([]);
  });

  it("holds a bounded number of compiled schemas", () => {
    for (let i = 0; i < 700; i++) payloadSchemaFor(trigger(`etp_bound_${i}`));
    expect(cachedPayloadSchemas()).toBe(500);
  });
});
