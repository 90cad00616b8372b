import requireServerOnly from "./rules/require-server-only.mjs";

/** The repository's own lint rules, registered as the `local` plugin in eslint.config.mjs. */
const plugin = {
  meta: { name: "local" },
  rules: { "require-server-only": requireServerOnly },
};

export default plugin;
