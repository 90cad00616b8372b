import { createServer } from "node:net";

/** Fails clearly when something else already listens where the benchmark's hub must. */
export async function assertPortFree(port: number): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", () =>
      reject(
        new Error(
          `Port ${port} on 127.0.0.1 is in use; the benchmark's hub needs it. Stop what listens there and rerun.`,
        ),
      ),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
