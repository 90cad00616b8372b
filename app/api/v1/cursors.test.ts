import { beforeAll, describe, expect, it } from "vitest";
import * as projects from "@/app/api/v1/projects/route";
import * as events from "@/app/api/v1/events/route";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/http/pagination";
import { call } from "@/test/api";
import { createApiToken, createOrg } from "@/test/factories";

// Issue 11, item 10: cursors are opaque and bound to the org; a deleted cursor row does not end the list.
let a: { id: string; token: string; projectIds: string[] };
let b: { id: string; token: string };

async function orgWithProjects(count: number) {
  const { org } = await createOrg();
  const { token } = await createApiToken(org.id, ["projects:write", "events:write"]);
  const projectIds: string[] = [];
  for (let index = 0; index < count; index++) {
    const created = await call("POST", projects.POST, "/api/v1/projects", {
      token,
      body: { key: `k${index}`, name: `P${index}` },
    });
    projectIds.push(created.body.id);
  }
  return { id: org.id, token, projectIds };
}

const list = (token: string, query: Record<string, string>) =>
  call("GET", projects.GET, "/api/v1/projects", { token, query });

beforeAll(async () => {
  a = await orgWithProjects(3);
  b = await orgWithProjects(5);
});

describe("list cursors", () => {
  it("tell org B nothing about org A's ids: a bare id, known or not, is the same 422", async () => {
    const known = await list(b.token, { cursor: a.projectIds[1]! });
    const unknown = await list(b.token, { cursor: `prj_${"0".repeat(32)}` });
    expect(known.status).toBe(422);
    expect(unknown).toEqual(known);
  });

  it("are valid only for the org that was handed them", async () => {
    const page = await list(a.token, { limit: "1" });
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect(page.body.nextCursor).not.toContain(a.projectIds[2]);
    const replayed = await list(b.token, { cursor: page.body.nextCursor });
    expect(replayed.status).toBe(422);
    expect(replayed.body.error).toMatchObject({
      code: "validation_failed",
      details: [{ path: "cursor", message: expect.any(String) }],
    });
  });

  it("cannot be forged or altered", async () => {
    const page = await list(a.token, { limit: "1" });
    const [payload, mac] = (page.body.nextCursor as string).split(".");
    const forged = `${Buffer.from(JSON.stringify(["2999-01-01T00:00:00.000Z", "prj_x"])).toString("base64url")}.${mac}`;
    for (const cursor of [forged, `${payload}.${"A".repeat(22)}`, `${payload}`, "..", "%00", "a.b.c"]) {
      expect((await list(a.token, { cursor })).status).toBe(422);
    }
  });

  it("keep going when the row they point at was deleted meanwhile", async () => {
    const first = await list(b.token, { limit: "2" });
    expect(first.body.data.map((project: { key: string }) => project.key)).toEqual(["k4", "k3"]);
    await db.project.delete({ where: { id: first.body.data[1].id } });
    const second = await list(b.token, { limit: "2", cursor: first.body.nextCursor });
    expect(second.status).toBe(200);
    expect(second.body.data.map((project: { key: string }) => project.key)).toEqual(["k2", "k1"]);
  });

  it("are checked on every paginated list, events included", async () => {
    const page = await call("GET", events.GET, "/api/v1/events", {
      token: b.token,
      query: { cursor: encodeCursor(a.id, { createdAt: new Date(), id: "evt_x" }) },
    });
    expect(page.status).toBe(422);
  });
});
