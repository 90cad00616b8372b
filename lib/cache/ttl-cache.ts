export type Clock = () => number;

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A bounded in-process cache whose entries live `ttlMs` at most, counted from when their load
 * started: the TTL is what bounds how long another instance's change goes unseen here. Concurrent
 * misses for one key share one load. An entry used in the last fifth of its life is reloaded in the
 * background while it is still served, so under steady traffic no caller waits for a reload.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  private readonly refreshAheadMs: number;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: Clock = Date.now,
  ) {
    this.refreshAheadMs = ttlMs / 5;
  }

  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    const now = this.now();
    if (entry && entry.expiresAt > now) {
      // A failed refresh is not this caller's problem: the entry still holds, and its expiry reloads it.
      if (entry.expiresAt - now <= this.refreshAheadMs && !this.loading.has(key))
        this.load(key, load).catch(() => undefined);
      return entry.value;
    }
    return this.loading.get(key) ?? this.load(key, load);
  }

  delete(key: K) {
    this.entries.delete(key);
    this.loading.delete(key);
  }

  /** Drops every entry the predicate picks, e.g. all of one org's. */
  deleteWhere(pick: (key: K, value: V) => boolean) {
    for (const [key, entry] of this.entries) if (pick(key, entry.value)) this.entries.delete(key);
    this.loading.clear();
  }

  private load(key: K, load: () => Promise<V>): Promise<V> {
    const startedAt = this.now();
    const pending = load().then((value) => {
      // A delete while loading means the value may predate the change: the waiting callers get it, the cache does not.
      if (this.loading.get(key) === pending) this.store(key, value, startedAt + this.ttlMs);
      return value;
    });
    const settled = () => {
      if (this.loading.get(key) === pending) this.loading.delete(key);
    };
    pending.then(settled, settled);
    this.loading.set(key, pending);
    return pending;
  }

  private store(key: K, value: V, expiresAt: number) {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt });
  }
}
