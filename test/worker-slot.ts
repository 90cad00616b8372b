import pg from "pg";
import { testServerUrl } from "./postgres";

// The ports a test process listens on (test/engine-env.ts) come from a slot only it holds while it
// runs: a Postgres advisory lock on a connection kept for the process's life, released when the
// process ends. vitest's VITEST_POOL_ID cannot serve: processes of two projects running at once
// were seen with the same one, and so with each other's ports.
const slotLocks = 0x5e57_0000;
const maxSlots = 64;
const processState = globalThis as { testWorkerSlot?: number };

async function claimSlot(): Promise<number> {
  const client = new pg.Client({ connectionString: testServerUrl });
  await client.connect();
  for (let slot = 1; slot <= maxSlots; slot++) {
    const { rows } = await client.query<{ taken: boolean }>("SELECT pg_try_advisory_lock($1) AS taken", [
      slotLocks + slot,
    ]);
    if (rows[0]!.taken) {
      // The connection holds the slot; it must neither keep the process alive nor crash it when it closes.
      (client as unknown as { connection: { stream: { unref(): void } } }).connection.stream.unref();
      client.on("error", () => undefined);
      return slot;
    }
  }
  await client.end();
  throw new Error(`all ${maxSlots} test worker slots are taken`);
}

processState.testWorkerSlot ??= await claimSlot();
process.env.TEST_WORKER_SLOT = String(processState.testWorkerSlot);
