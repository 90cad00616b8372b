import { readdir, readFile } from "node:fs/promises";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux this runs on.
const clockTicksPerSecond = 100;

interface ProcStat {
  pid: number;
  /** The executable's name (Postgres backends all say `postgres`). */
  name: string;
  pgrp: number;
  cpuMs: number;
}

/** utime + stime of one process, from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
async function procStat(pid: number): Promise<ProcStat | null> {
  const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!text) return null;
  const name = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return {
    pid,
    name,
    pgrp: Number(fields[2]),
    cpuMs: ((Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond) * 1000,
  };
}

async function allProcesses(): Promise<ProcStat[]> {
  const stats = await Promise.all(
    (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry)).map((entry) => procStat(Number(entry))),
  );
  return stats.filter((stat): stat is ProcStat => stat !== null);
}

export interface CpuSnapshot {
  hubMs: number;
  postgresMs: number;
}

/**
 * CPU spent so far by the whole hub (every process in its group: Next.js and the executor) and by
 * the Postgres server (its backends do the engine's SQL). Read before and after a run: the
 * difference is what the run cost, whatever else the machine was doing.
 */
export async function cpuSnapshot(processGroup: number): Promise<CpuSnapshot> {
  let hubMs = 0;
  let postgresMs = 0;
  for (const stat of await allProcesses()) {
    if (stat.pgrp === processGroup) hubMs += stat.cpuMs;
    else if (stat.name === "postgres") postgresMs += stat.cpuMs;
  }
  return { hubMs, postgresMs };
}

export const cpuSpent = (before: CpuSnapshot, after: CpuSnapshot): CpuSnapshot => ({
  hubMs: after.hubMs - before.hubMs,
  postgresMs: after.postgresMs - before.postgresMs,
});

/**
 * CPU time, in ms, used so far by the web server processes of a process group (those whose
 * command line names the hub's server or Next.js: the executor beside them in the group is not counted). Read from
 * /proc, so it counts only this work even when the machine is busy with other things.
 */
export async function nextServerCpuMs(processGroup: number): Promise<number> {
  let total = 0;
  for (const stat of await allProcesses()) {
    if (stat.pgrp !== processGroup) continue;
    const command = await readFile(`/proc/${stat.pid}/cmdline`, "utf8").catch(() => "");
    if (/server\/main\.ts|next/.test(command)) total += stat.cpuMs;
  }
  return total;
}

/** Runs `work` and says how much CPU the group's Next.js processes spent meanwhile. */
export async function measureCpu<T>(
  processGroup: number,
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: number }> {
  const before = await nextServerCpuMs(processGroup);
  const result = await work();
  return { result, cpuMs: (await nextServerCpuMs(processGroup)) - before };
}
