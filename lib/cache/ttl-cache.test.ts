import { describe, expect, it } from "vitest";
import { TtlCache } from "@/lib/cache/ttl-cache";

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A load whose every call the test answers by hand, counting the calls. */
function manualLoad() {
  const answers: Array<(value: string) => void> = [];
  return {
    load: () => new Promise<string>((resolve) => answers.push(resolve)),
    calls: () => answers.length,
    answer: async (value: string) => {
      answers.at(-1)!(value);
      // Let the cache store the answer before the test goes on.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** A 5-second cache on a hand-moved clock, with a hand-answered load. */
function setUp() {
  const clock = manualClock();
  return { clock, cache: new TtlCache<string, string>(5_000, 10, clock.now), ...manualLoad() };
}

describe("TtlCache", () => {
  it("shares one load between concurrent misses", async () => {
    const { cache, load, calls, answer } = setUp();
    const first = cache.getOrLoad("key", load);
    const second = cache.getOrLoad("key", load);
    await answer("v1");
    expect(await Promise.all([first, second])).toEqual(["v1", "v1"]);
    expect(calls()).toBe(1);
  });

  it("serves an entry near its end at once while reloading it, then serves the reloaded value", async () => {
    const { clock, cache, load, calls, answer } = setUp();
    const loaded = cache.getOrLoad("key", load);
    await answer("v1");
    await loaded;
    clock.advance(3_999);
    expect(await cache.getOrLoad("key", load)).toBe("v1");
    expect(calls()).toBe(1);
    clock.advance(1);
    // In the last fifth of its life: answered from the cache without waiting, reloaded behind.
    expect(await cache.getOrLoad("key", load)).toBe("v1");
    expect(calls()).toBe(2);
    expect(await cache.getOrLoad("key", load)).toBe("v1");
    expect(calls()).toBe(2);
    await answer("v2");
    clock.advance(1_500);
    expect(await cache.getOrLoad("key", load)).toBe("v2");
    expect(calls()).toBe(2);
  });

  it("never serves a value past its TTL counted from when its load started", async () => {
    const { clock, cache, load, calls, answer } = setUp();
    const loaded = cache.getOrLoad("key", load);
    // A slow load: the value read at 0 is as old as the read, not as the answer.
    clock.advance(2_000);
    await answer("v1");
    await loaded;
    clock.advance(2_999);
    expect(await cache.getOrLoad("key", load)).toBe("v1");
    expect(calls()).toBe(2);
    clock.advance(1);
    // Expired while its reload is still out: the caller waits for the reload rather than get the stale value.
    const reloaded = cache.getOrLoad("key", load);
    expect(calls()).toBe(2);
    await answer("v2");
    expect(await reloaded).toBe("v2");
  });

  it("keeps a value read before a delete out of the cache", async () => {
    const { cache, load, calls, answer } = setUp();
    const loading = cache.getOrLoad("key", load);
    cache.delete("key");
    await answer("before the change");
    expect(await loading).toBe("before the change");
    const after = cache.getOrLoad("key", load);
    expect(calls()).toBe(2);
    await answer("after the change");
    expect(await after).toBe("after the change");
  });
});
