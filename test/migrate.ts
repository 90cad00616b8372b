import { spawn } from "node:child_process";

/** `prisma migrate deploy` against a database, as a deployment runs it; resolves to its exit code. */
export function migrateDeploy(url: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
