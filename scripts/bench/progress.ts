/** What the benchmark prints while it runs: a line per phase, and a counter for each measured run. */

const interactive = process.stdout.isTTY === true;

export function phase(message: string): void {
  console.log(`${interactive ? "\x1b[36m[bench]\x1b[0m" : "[bench]"} ${message}`);
}

export interface Counter {
  tick(): void;
  done(): void;
}

/** On a terminal the counter rewrites its own line; in a log it prints every tenth of the way. */
export function counter(label: string, total: number): Counter {
  let count = 0;
  const step = Math.max(1, Math.ceil(total / 10));
  const line = () => `        ${label}: ${count}/${total}`;
  return {
    tick() {
      count++;
      if (interactive) {
        if (count % 25 === 0 || count === total) process.stdout.write(`\r${line()}`);
      } else if (count % step === 0 || count === total) console.log(line());
    },
    done() {
      if (interactive) process.stdout.write(`\r${line()}\n`);
    },
  };
}
