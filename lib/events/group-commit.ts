interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a commit is in flight wait and go together in the next one,
 * so N concurrent requests cost about one statement, not N. `commit` answers each item in order.
 * If a whole group fails, its items are retried one by one, so one bad item fails only itself.
 */
export function createGroupCommit<Item, Result>(commit: (items: Item[]) => Promise<Result[]>, maxGroupSize: number) {
  const queue: Waiting<Item, Result>[] = [];
  let inFlight = false;

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

  async function drain() {
    while (queue.length > 0) {
      const group = queue.splice(0, maxGroupSize);
      await commitGroup(group);
    }
    inFlight = false;
  }

  return function submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (inFlight) return;
      inFlight = true;
      // A microtask later, so requests that reach this point in the same tick share the first commit too.
      queueMicrotask(() => void drain());
    });
  };
}
