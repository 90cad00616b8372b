// Instantiates @prisma/schema-engine-wasm by hand. Its package entry does
// `import * as wasm from "./schema_engine_bg.wasm"`, which Node cannot import without
// --experimental-wasm-modules, so we wire the glue module and the wasm binary ourselves.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);

// The wasm panic hook writes the panic message here; without it a panic kills the process
// silently with exit code 0, which the CLI reads as success.
class PanicRegistry {
  message = "";
  get() {
    return this.message;
  }
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  }
}

export async function loadSchemaEngineWasm() {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();

  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const runtime = await import(pathToFileURL(gluePath).href);
  const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return runtime;
}

export function panicMessage() {
  return globalThis.PRISMA_WASM_PANIC_REGISTRY?.get() || undefined;
}
