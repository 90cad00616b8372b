import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtInCatalog } from "@/lib/event-types/catalog";

const seeds = path.resolve(import.meta.dirname, "../../docs/seeds");
const seed = (file: string) => readFileSync(path.join(seeds, file), "utf8");

describe("built-in trigger catalog", () => {
  it("has unique names", () => {
    const names = builtInCatalog.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("contains every CodeScoring trigger value named in its documentation", () => {
    const documented = [
      ...seed("000_8c42fb951ef3a691.txt").matchAll(/\| ([a-z_]+_(?:triggered|started|finished|cancelled|failed)) \|/g),
    ].map((match) => match[1]);
    expect(documented.length).toBe(21);
    const codescoring = builtInCatalog.filter((entry) => entry.source === "codescoring").map((entry) => entry.name);
    expect(codescoring).toEqual(documented);
  });

  it("contains every DejaCode event, DeepSource's analysis_run.updated, SonarQube's analysis and test", () => {
    const dejacode = [...seed("004_d544015ecef9f373.txt").matchAll(/``([a-z_]+\.[a-z_]+)`` —/g)].map(
      (match) => match[1],
    );
    expect(dejacode).toHaveLength(4);
    const names = builtInCatalog.map((entry) => entry.name);
    expect(names).toEqual(expect.arrayContaining([...dejacode, "analysis_run.updated", "analysis.completed", "test"]));
  });

  it("gives the test trigger an empty payload, as CodeScoring's Test it does", () => {
    expect(builtInCatalog.find((entry) => entry.name === "test")?.examplePayload).toEqual({});
  });
});

describe("a new organization", () => {
  it("gets its own copy of the catalog, separate from other orgs", async () => {
    const { createOrg } = await import("@/test/factories");
    const { db } = await import("@/lib/db");
    const { org: first } = await createOrg();
    const { org: second } = await createOrg();
    expect(await db.eventType.count({ where: { orgId: first.id } })).toBe(builtInCatalog.length);
    await db.eventType.deleteMany({ where: { orgId: first.id, name: "test" } });
    expect(await db.eventType.count({ where: { orgId: second.id, name: "test" } })).toBe(1);
  });
});
