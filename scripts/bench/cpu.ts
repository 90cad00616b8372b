import { readdirSync, readFileSync } from "node:fs";

// Linux reports process CPU in clock ticks; USER_HZ is 100 on every mainstream kernel build.
const ticksPerSecond = 100;

interface ProcessCpu {
  pid: number;
  command: string;
  processGroup: number;
  cpuMs: number;
}

/** Every process's user + system CPU so far, from /proc/<pid>/stat. */
function processes(): ProcessCpu[] {
  const found: ProcessCpu[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // it ended while we looked
    }
    // The command sits in parentheses and may itself hold spaces or parentheses.
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const processGroup = Number(fields[2]);
    const cpuTicks = Number(fields[11]) + Number(fields[12]);
    found.push({ pid: Number(entry), command, processGroup, cpuMs: (cpuTicks * 1000) / ticksPerSecond });
  }
  return found;
}

export interface CpuSnapshot {
  hubMs: number;
  postgresMs: number;
}

/**
 * CPU spent so far by the hub (every process in its process group: the executor, Next.js) and by
 * the Postgres server (its backends do the engine's SQL). Read before and after a run: the
 * difference is what the run cost, whatever else the machine was doing.
 */
export function cpuSnapshot(hubProcessGroup: number): CpuSnapshot {
  let hubMs = 0;
  let postgresMs = 0;
  for (const process of processes()) {
    if (process.processGroup === hubProcessGroup) hubMs += process.cpuMs;
    else if (process.command === "postgres") postgresMs += process.cpuMs;
  }
  return { hubMs, postgresMs };
}

export const cpuSpent = (before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot => ({ hubMs: after.hubMs - before.hubMs, postgresMs: after.postgresMs - before.postgresMs });
