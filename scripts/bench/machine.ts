import { readFile } from "node:fs/promises";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  /** The 1-minute load average: how busy the machine already was, which no benchmark controls. */
  loadAverage: number;
}

/** The distribution's name ("Debian GNU/Linux 12 (bookworm)") where os-release says it, else the kernel. */
async function operatingSystem(): Promise<string> {
  const kernel = `${os.type()} ${os.release()} ${os.arch()}`;
  const release = await readFile("/etc/os-release", "utf8").catch(() => "");
  const name = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  return name ? `${name}, ${kernel}` : kernel;
}

export async function describeMachine(): Promise<Machine> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: await operatingSystem(),
    node: process.version,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
