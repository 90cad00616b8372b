import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { sql, sqlTransaction } from "@/lib/sql";

describe("the shared node-postgres pool", () => {
  it("listens for its connections' errors once, however many statements and transactions use it", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      for (let round = 0; round < 15; round++) {
        await sql.$queryRaw`SELECT 1`;
        await sqlTransaction(async (tx) => tx.$executeRaw`SELECT 1`);
      }
      // Node emits the warning on a later tick: one more turn of the loop lets it arrive.
      process.emitWarning("marker", "TestMarker");
      await once(process, "warning");
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((warning) => warning.name)).toEqual(["TestMarker"]);
  });
});
