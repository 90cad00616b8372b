import { spawn } from "node:child_process";
import { once } from "node:events";
import { repoRoot } from "@/scripts/bench/run-command";

export interface RunningHub {
  url: string;
  /** The hub's process group: Next.js runs in it, so its CPU time can be read from /proc. */
  processGroup: number;
  /** Resolves once the hub takes requests; rejects if it exits or hangs first. */
  ready: Promise<void>;
  /** Output so far, for a failure report. */
  log(): string;
  /** Stops every process the hub started; safe to call at any time, more than once. */
  stop(): Promise<void>;
}

const readyTimeoutMs = 180_000;

/**
 * Starts scripts/bench/hub.ts (Next.js production server + local executor) in a process group of
 * its own. Its output is kept, not printed: it would break the progress lines, and it matters
 * only when something fails.
 */
export function startHub(env: NodeJS.ProcessEnv, port: number): RunningHub {
  const child = spawn("npx", ["tsx", "scripts/bench/hub.ts"], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);

  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false; // nothing left in the group
    }
  };
  // The whole group, not just the leader: Next.js must not outlive a hub script that died first.
  const stop = async () => {
    if (child.pid === undefined) return;
    signalGroup("SIGTERM");
    const deadline = Date.now() + 10_000;
    while (signalGroup(0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    signalGroup("SIGKILL");
  };

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The hub was not ready within ${readyTimeoutMs / 1000} s.\n${output}`)),
      readyTimeoutMs,
    );
    child.stdout.on("data", () => {
      if (!/^ready$/m.test(output)) return;
      clearTimeout(timer);
      resolve();
    });
    once(child, "exit").then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`The hub exited with code ${code} before it was ready.\n${output}`));
    }, reject);
  });
  return { url: `http://127.0.0.1:${port}`, processGroup: child.pid!, ready, log: () => output, stop };
}
