import path from "node:path";

/**
 * local/require-server-only: a module that touches the database, secrets or the environment says
 * so with `import "server-only"`, so that `next build` fails when a client component reaches it.
 *
 * Without that import, a module is reported when it
 * - imports a value (not `import type`) from one of the `modules` (statically, by `export … from`
 *   or by `import()`); an entry ending in `/*` matches everything under it, relative specifiers are
 *   compared in their `@/…` spelling;
 * - reads `process.env`, apart from the variables every runtime has or Next inlines into the
 *   browser bundle (NODE_ENV, NEXT_RUNTIME, NEXT_PUBLIC_*);
 * - or always, with `{ always: true }` (the config sets it for route handlers, which are server
 *   code whatever they import).
 * In a "use client" module the same imports are errors of their own: no marker makes them right.
 *
 * Only direct imports are checked: a module that reaches the database through another module is
 * covered by the build, since the marker travels with the module that carries it.
 * `--fix` adds the import above the first one.
 */

const publicEnv = /^(NODE_ENV|NEXT_RUNTIME|NEXT_PUBLIC_\w+)$/;

/** "./db" in lib/auth/x.ts → "@/lib/auth/db"; other specifiers as written. */
function canonical(specifier, filename, cwd) {
  if (!specifier.startsWith(".")) return specifier;
  const absolute = path.resolve(path.dirname(filename), specifier);
  const relative = path.relative(cwd, absolute).split(path.sep).join("/");
  return `@/${relative.replace(/\.(ts|tsx|mts|js|mjs)$/, "").replace(/\/index$/, "")}`;
}

function matches(specifier, patterns) {
  return patterns.some((pattern) =>
    pattern.endsWith("/*") ? specifier.startsWith(pattern.slice(0, -1)) : specifier === pattern,
  );
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    fixable: "code",
    docs: { description: 'Modules that touch the database, secrets or env must `import "server-only"`' },
    schema: [
      {
        type: "object",
        properties: { modules: { type: "array", items: { type: "string" } }, always: { type: "boolean" } },
        additionalProperties: false,
      },
    ],
    messages: {
      missing:
        'This module {{why}} but does not `import "server-only"`: add it, so a client component that reaches this module fails the build.',
      client: "A client component may not {{why}}: that is server-only.",
    },
  },
  create(context) {
    const { modules = [], always = false } = context.options[0] ?? {};
    const { filename, cwd } = context;
    const findings = []; // { node, why }
    let marked = false;
    let firstImport = null;

    function checkSource(node, source, typeOnly) {
      if (typeOnly || source?.type !== "Literal" || typeof source.value !== "string") return;
      const specifier = canonical(source.value, filename, cwd);
      if (matches(specifier, modules)) findings.push({ node, why: `imports ${source.value}` });
    }

    return {
      ImportDeclaration(node) {
        firstImport ??= node;
        if (node.source.value === "server-only") {
          marked = true;
          return;
        }
        const typeOnly =
          node.importKind === "type" ||
          (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
        checkSource(node, node.source, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) checkSource(node, node.source, node.exportKind === "type");
      },
      ExportAllDeclaration(node) {
        checkSource(node, node.source, node.exportKind === "type");
      },
      ImportExpression(node) {
        checkSource(node, node.source, false);
      },
      MemberExpression(node) {
        const isProcessEnv =
          !node.computed &&
          node.object.type === "Identifier" &&
          node.object.name === "process" &&
          node.property.name === "env";
        if (!isProcessEnv) return;
        const parent = node.parent;
        if (parent.type === "MemberExpression" && parent.object === node) {
          const name = parent.computed
            ? parent.property.type === "Literal"
              ? parent.property.value
              : null
            : parent.property.name;
          if (typeof name === "string" && publicEnv.test(name)) return;
        }
        findings.push({ node, why: "reads process.env" });
      },
      "Program:exit"(program) {
        const directives = program.body.filter(
          (statement) => statement.type === "ExpressionStatement" && typeof statement.directive === "string",
        );
        if (directives.some((statement) => statement.directive === "use client")) {
          for (const { node, why } of findings)
            context.report({
              node,
              messageId: "client",
              data: { why: why.replace(/^imports/, "import").replace(/^reads/, "read") },
            });
          return;
        }
        if (marked || (findings.length === 0 && !always)) return;
        const why =
          findings.length > 0 ? [...new Set(findings.map((finding) => finding.why))].join(", ") : "is a route handler";
        context.report({
          ...(findings[0] ? { node: findings[0].node } : { loc: { line: 1, column: 0 } }),
          messageId: "missing",
          data: { why },
          fix(fixer) {
            if (firstImport) return fixer.insertTextBefore(firstImport, 'import "server-only";\n');
            const lastDirective = directives.at(-1);
            if (lastDirective) return fixer.insertTextAfter(lastDirective, '\n\nimport "server-only";');
            return fixer.insertTextBeforeRange([0, 0], 'import "server-only";\n\n');
          },
        });
      },
    };
  },
};

export default rule;
