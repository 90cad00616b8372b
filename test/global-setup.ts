import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { adminQuery, databaseUrl, uniqueName } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database per run with the real Prisma CLI; each test file clones it. */
export default async function setup(project: TestProject) {
  const template = uniqueName("whk_template");
  await adminQuery(`CREATE DATABASE "${template}"`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl(template) },
    stdio: "pipe",
  });
  project.provide("templateDatabase", template);
  return async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  };
}
