import { beforeAll, describe, expect, it } from "vitest";
import { insertEvents, newEventId, type EventRow } from "@/lib/events/insert-events";
import { createOrg } from "@/test/factories";

let orgId: string;

beforeAll(async () => {
  orgId = (await createOrg()).org.id;
});

const row = (idempotencyKey: string, payload: unknown): EventRow => ({
  id: newEventId(),
  orgId,
  projectId: null,
  type: "test",
  payloadJson: JSON.stringify(payload),
  propertiesJson: "{}",
  idempotencyKey,
});

describe("insertEvents with idempotency keys", () => {
  it("refuses every row of one call that reuses a stored key with another request, not only the first", async () => {
    const [stored] = await insertEvents([row("key-a", { amount: 1 })]);
    const results = await insertEvents([row("key-a", { amount: 2 }), row("key-a", { amount: 2 })]);
    expect(results).toEqual([
      { id: stored!.id, replayed: true, keyReused: true },
      { id: stored!.id, replayed: true, keyReused: true },
    ]);
  });

  it("answers rows of one call repeating a stored request as replays of the stored event", async () => {
    const [stored] = await insertEvents([row("key-b", { amount: 1 })]);
    const results = await insertEvents([row("key-b", { amount: 1 }), row("key-b", { amount: 1 })]);
    expect(results).toEqual([
      { id: stored!.id, replayed: true },
      { id: stored!.id, replayed: true },
    ]);
  });

  it("stores the first of a new key's rows and answers the identical ones as its replays, the different ones as reused", async () => {
    const [first, identical, different] = await insertEvents([
      row("key-c", { amount: 1 }),
      row("key-c", { amount: 1 }),
      row("key-c", { amount: 3 }),
    ]);
    expect(first).toEqual({ id: expect.stringMatching(/^evt_/), replayed: false });
    expect(identical).toEqual({ id: first!.id, replayed: true });
    expect(different).toEqual({ id: first!.id, replayed: true, keyReused: true });
  });

  it("answers a genuine replay as a replay though a different request with its key comes first in the call", async () => {
    const [stored] = await insertEvents([row("key-d", { amount: 1 })]);
    const results = await insertEvents([row("key-d", { amount: 2 }), row("key-d", { amount: 1 })]);
    expect(results).toEqual([
      { id: stored!.id, replayed: true, keyReused: true },
      { id: stored!.id, replayed: true },
    ]);
  });
});
