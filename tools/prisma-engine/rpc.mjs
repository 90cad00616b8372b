// JSON-RPC 2.0 server over stdin/stdout, one JSON document per line, as the Prisma CLI expects
// from the native schema engine (see SchemaEngine.internalInit in node_modules/prisma/build/cli.js).
import readline from "node:readline";
import { panicMessage } from "./load-wasm.mjs";

const USER_FACING_ERROR = 4466;

function write(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function errorResponse(id, error) {
  const panic = error instanceof WebAssembly.RuntimeError;
  const message = panic ? (panicMessage() ?? String(error)) : (error?.message ?? String(error));
  return {
    jsonrpc: "2.0",
    id,
    error: {
      code: USER_FACING_ERROR,
      message: "An error happened. Check the data field for details.",
      data: {
        is_panic: panic,
        message,
        backtrace: panic ? error.stack : undefined,
        error_code: error?.code,
        meta: error?.meta,
      },
    },
  };
}

/**
 * @param {(method: string, params: unknown, ctx: { print(content: string): Promise<void> }) => Promise<unknown>} handle
 */
export function serve(handle) {
  let nextOutgoingId = 1;
  const pendingOutgoing = new Map();
  // The native engine asks the CLI to print `migrate diff` output with a `print` request.
  const print = (content) =>
    new Promise((resolve) => {
      const id = `shim-print-${nextOutgoingId++}`;
      pendingOutgoing.set(id, resolve);
      write({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  let queue = Promise.resolve();
  let exiting = false;
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });

  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      pendingOutgoing.get(message.id)?.(message.result);
      pendingOutgoing.delete(message.id);
      return;
    }
    queue = queue.then(async () => {
      try {
        const result = await handle(message.method, message.params, { print });
        write({ jsonrpc: "2.0", id: message.id, result: result ?? {} });
      } catch (error) {
        write(errorResponse(message.id, error));
        // After a wasm trap the module's state is undefined; exit like the native engine does on
        // a panic so the CLI reports it.
        if (error instanceof WebAssembly.RuntimeError) {
          exiting = true;
          process.exitCode = 101;
          input.close();
        }
      }
    });
  });

  return new Promise((resolve) => {
    input.on("close", () => queue.then(() => resolve(exiting ? 101 : 0)));
  });
}
