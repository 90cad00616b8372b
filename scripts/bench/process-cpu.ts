import { readdir, readFile } from "node:fs/promises";

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux this runs on.
const clockTicksPerSecond = 100;

interface ProcStat {
  pid: number;
  pgrp: number;
  cpuMs: number;
}

/** utime + stime of one process, from /proc/<pid>/stat (fields 14 and 15, after the parenthesised name). */
async function procStat(pid: number): Promise<ProcStat | null> {
  const text = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!text) return null;
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { pid, pgrp: Number(fields[2]), cpuMs: ((Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond) * 1000 };
}

/**
 * CPU time, in ms, used so far by the Next.js server processes of a process group (those whose
 * command line names Next.js: the executor beside them in the group is not counted). Read from
 * /proc, so it counts only this work even when the machine is busy with other things.
 */
export async function nextServerCpuMs(processGroup: number): Promise<number> {
  let total = 0;
  for (const entry of await readdir("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = await procStat(pid);
    if (!stat || stat.pgrp !== processGroup) continue;
    const command = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (/next/.test(command)) total += stat.cpuMs;
  }
  return total;
}

/** Runs `work` and says how much CPU the group's Next.js processes spent meanwhile. */
export async function measureCpu<T>(processGroup: number, work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = await nextServerCpuMs(processGroup);
  const result = await work();
  return { result, cpuMs: (await nextServerCpuMs(processGroup)) - before };
}
