import { describe, expect, it } from "vitest";
import { createGroupCommit } from "@/lib/events/group-commit";

/** A commit that records the groups it was given and refuses any group holding a negative number. */
function doublingCommit() {
  const groups: number[][] = [];
  const commit = async (items: number[]) => {
    groups.push(items);
    if (items.some((item) => item < 0)) throw new Error("negative");
    return items.map((item) => item * 2);
  };
  return { groups, commit };
}

describe("group commit", () => {
  it("commits items submitted together in one group, and those arriving meanwhile in the next", async () => {
    const { groups, commit } = doublingCommit();
    const submit = createGroupCommit(commit, 100);
    const first = [1, 2, 3].map((item) => submit("org", item));
    const second = submit("org", 4);
    expect(await Promise.all([...first, second])).toEqual([2, 4, 6, 8]);
    expect(groups).toEqual([[1, 2, 3, 4]]);
    const late = [submit("org", 5)];
    late.push(submit("org", 6));
    await Promise.all(late);
    expect(groups.slice(1)).toEqual([[5, 6]]);
  });

  it("retries a failed group item by item, so only the bad item fails", async () => {
    const { groups, commit } = doublingCommit();
    const submit = createGroupCommit(commit, 100);
    const results = await Promise.allSettled([1, -1, 3].map((item) => submit("org", item)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(groups).toEqual([[1, -1, 3], [1], [-1], [3]]);
  });

  it("keeps groups within the size cap", async () => {
    const { groups, commit } = doublingCommit();
    const submit = createGroupCommit(commit, 2);
    await Promise.all([1, 2, 3, 4, 5].map((item) => submit("org", item)));
    expect(groups).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("commits each key's items in groups of their own, and a key whose commit hangs holds up no other", async () => {
    const groups: string[][] = [];
    let release = () => {};
    const hung = new Promise<void>((resolve) => (release = resolve));
    const submit = createGroupCommit(async (items: string[]) => {
      groups.push(items);
      if (items.includes("a1")) await hung;
      return items;
    }, 100);

    const slow = submit("a", "a1");
    await expect.poll(() => groups).toEqual([["a1"]]);
    const queued = submit("a", "a2");
    await expect(Promise.all([submit("b", "b1"), submit("b", "b2")])).resolves.toEqual(["b1", "b2"]);
    expect(groups).toEqual([["a1"], ["b1", "b2"]]);

    release();
    await expect(Promise.all([slow, queued])).resolves.toEqual(["a1", "a2"]);
    expect(groups).toEqual([["a1"], ["b1", "b2"], ["a2"]]);
  });
});
