import { spawn } from "node:child_process";
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/**
 * Runs a command to completion with its output captured; on failure the error carries the output's
 * tail, so a long quiet phase (a build, a migration) only speaks when something went wrong.
 */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    // A benchmark stopped mid-build must not leave the build running.
    const stopChild = () => child.kill("SIGTERM");
    process.once("exit", stopChild);
    child.on("exit", () => process.off("exit", stopChild));
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-8000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(" ")} failed with exit code ${code}:\n${output}`)),
    );
  });
}
