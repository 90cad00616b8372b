/**
 * `import "server-only"` marks the app's modules that must never reach the browser: Next.js
 * resolves it to an empty module on the server and fails the build when a client component
 * imports it. Plain Node gets the package's default export, which throws. Scripts, the local
 * stand-ins and test fixtures run those same server modules in plain Node, so every tsx entry
 * point that reaches them is started with this file preloaded:
 *
 *   tsx --import ./scripts/server-only.mjs scripts/start.ts
 *
 * It registers a resolve hook for that one specifier (scripts/server-only-hooks.mjs); React,
 * Next and every other package resolve as before. vitest does the same with an alias
 * (vitest.config.ts).
 */
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
