interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit per key: items of one key submitted while its commit is in flight wait and go
 * together in the next one, so N concurrent requests cost about one statement, not N. Keys commit
 * side by side, so a key whose commit is slow (an org's webhooks locked by its own big batch)
 * holds up no other key. `commit` answers each item in order. If a whole group fails, its items
 * are retried one by one, so one bad item fails only itself.
 */
export function createGroupCommit<Item, Result>(commit: (items: Item[]) => Promise<Result[]>, maxGroupSize: number) {
  // Only keys with work waiting or in flight have a queue.
  const queues = new Map<string, Waiting<Item, Result>[]>();

  async function commitEach(group: Waiting<Item, Result>[]) {
    await Promise.all(
      group.map(async (waiting) => {
        try {
          const [result] = await commit([waiting.item]);
          waiting.resolve(result!);
        } catch (error) {
          waiting.reject(error);
        }
      }),
    );
  }

  async function commitGroup(group: Waiting<Item, Result>[]) {
    let results: Result[];
    try {
      results = await commit(group.map((waiting) => waiting.item));
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      else await commitEach(group);
      return;
    }
    group.forEach((waiting, index) => waiting.resolve(results[index]!));
  }

  async function drain(key: string, queue: Waiting<Item, Result>[]) {
    while (queue.length > 0) await commitGroup(queue.splice(0, maxGroupSize));
    queues.delete(key);
  }

  return function submit(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const waiting = { item, resolve, reject };
      const queue = queues.get(key);
      if (queue) {
        queue.push(waiting);
        return;
      }
      const fresh = [waiting];
      queues.set(key, fresh);
      // A microtask later, so requests that reach this point in the same tick share the first commit too.
      queueMicrotask(() => void drain(key, fresh));
    });
  };
}
