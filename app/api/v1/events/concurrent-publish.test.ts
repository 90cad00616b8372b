import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { publishEvent } from "@/lib/events/publish";
import { call } from "@/test/api";
import { createApiToken, createOrg, createProjectRow } from "@/test/factories";

let token: string;
let orgId: string;

beforeAll(async () => {
  orgId = (await createOrg()).org.id;
  ({ token } = await createApiToken(orgId, ["events:write"]));
});

const publish = (body: unknown, headers: Record<string, string> = {}) =>
  call("POST", collection.POST, "/api/v1/events", { token, body, headers });

describe("concurrent publishes (group commit)", () => {
  it("answers 200 publishes sent at once with 202 and distinct ids, every row stored", async () => {
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, n) => publish({ type: "test", payload: { n } })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(202));
    const ids = responses.map((response) => response.body.id as string);
    expect(new Set(ids).size).toBe(200);
    const stored = await db.event.findMany({ where: { id: { in: ids } }, select: { id: true, payload: true } });
    expect(stored).toHaveLength(200);
    // Each request's id is its own row, not a neighbour's from the same group.
    const payloadById = new Map(stored.map((row) => [row.id, row.payload]));
    ids.forEach((id, n) => expect(payloadById.get(id)).toEqual({ n }));
  });

  it("answers racing publishes of one idempotency key with one id, stored once", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => publish({ type: "test", idempotencyKey: "race-1" })),
    );
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(responses.filter((response) => response.status === 202)).toHaveLength(50);
    expect(await db.event.count({ where: { orgId, idempotencyKey: "race-1" } })).toBe(1);
  });

  it("answers racing publishes of one key with two different requests: the stored one's twins replay it, the others are refused", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        publish({ type: "test", idempotencyKey: "race-2", payload: { side: n % 2 } }),
      ),
    );
    const stored = await db.event.findFirstOrThrow({ where: { orgId, idempotencyKey: "race-2" } });
    const storedSide = (stored.payload as { side: number }).side;
    responses.forEach((response, n) => {
      if (n % 2 === storedSide)
        expect({ status: response.status, id: response.body.id }).toEqual({ status: 202, id: stored.id });
      else
        expect({ status: response.status, code: response.body.error?.code }).toEqual({
          status: 409,
          code: "idempotency_key_reused",
        });
    });
  });

  it("fails only the invalid requests among concurrent ones", async () => {
    const bodies = Array.from({ length: 30 }, (_, n) =>
      n % 10 === 3 ? { type: "no.such.trigger", payload: { n } } : { type: "test", payload: { n } },
    );
    const responses = await Promise.all(bodies.map((body) => publish(body)));
    responses.forEach((response, n) => expect(response.status).toBe(n % 10 === 3 ? 422 : 202));
  });

  it("fails only the item the database refuses when it shares a commit with others", async () => {
    const project = await createProjectRow(orgId);
    // Cached by the first publish; deleted behind the cache's back, so the next row breaks the foreign key.
    await publishEvent(orgId, { type: "test", project: project.key, payload: {}, properties: {} });
    await db.project.delete({ where: { id: project.id } });
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, n) => publishEvent(orgId, { type: "test", payload: { n }, properties: {} })),
      publishEvent(orgId, { type: "test", project: project.key, payload: { doomed: true }, properties: {} }),
    ]);
    expect(results.map((result) => result.status)).toEqual([...Array(10).fill("fulfilled"), "rejected"]);
    const ids = results.flatMap((result) => (result.status === "fulfilled" ? [result.value.id] : []));
    expect(await db.event.count({ where: { id: { in: ids } } })).toBe(10);
  });
});

describe("the Idempotency-Key header", () => {
  it("is the event's idempotency key", async () => {
    const first = await publish({ type: "test" }, { "Idempotency-Key": "hdr-1" });
    const again = await publish({ type: "test" }, { "Idempotency-Key": "hdr-1" });
    const viaBody = await publish({ type: "test", idempotencyKey: "hdr-1" });
    expect(first.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(viaBody.body.id).toBe(first.body.id);
    expect(await db.event.findUniqueOrThrow({ where: { id: first.body.id } })).toMatchObject({
      idempotencyKey: "hdr-1",
    });
  });

  it("must agree with the body's idempotencyKey when both are sent", async () => {
    expect((await publish({ type: "test", idempotencyKey: "same" }, { "Idempotency-Key": "same" })).status).toBe(202);
    const before = await db.event.count({ where: { orgId } });
    const mismatch = await publish({ type: "test", idempotencyKey: "body-key" }, { "Idempotency-Key": "header-key" });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.details[0].path).toBe("idempotencyKey");
    expect(await db.event.count({ where: { orgId } })).toBe(before);
  });
});
