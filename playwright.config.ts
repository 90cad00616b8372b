import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { baseURL } from "./e2e/fixtures/config";

// Debian's Chromium (Playwright's own browser download cannot run on these machines); its headless
// shell first, which renders the same pages for about a fifth less CPU than the full browser.
const executablePath =
  process.env.CHROMIUM_PATH ??
  ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) =>
    existsSync(path),
  );

export default defineConfig({
  testDir: "e2e",
  // Tests, not files, go to the next free browser: a file's tests are independent (each starts its
  // own org), and a long file no longer runs alone at the end.
  fullyParallel: true,
  // Two browsers at once: a browser test mostly waits (on pages, the engine, the mailbox), so a second one fills the gaps.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    // Recording a trace costs the browser and the worker about a tenth of the run even when the
    // test passes and it is thrown away: E2E_TRACE=retain-on-failure (or on) records them.
    trace: (process.env.E2E_TRACE as "off" | "on" | "retain-on-failure" | undefined) ?? "off",
    // As for anyone who asks for less motion, spinners and skeletons hold still and menus and
    // dialogs appear in their final state: each animated frame is composited in software here, and
    // a check (axe's contrast) made mid fade-in would see colours that are not the page's.
    reducedMotion: "reduce",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx e2e/server.ts",
    url: `${baseURL}/sign-in`,
    // The server builds Next first; a machine busy with other work may need longer (E2E_SERVER_TIMEOUT_MS).
    timeout: Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 300_000),
    // `npm test` starts this server itself, early, so the production build runs beside vitest.
    reuseExistingServer: Boolean(process.env.E2E_SERVER_RUNNING),
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets scripts/start.ts stop the Next.js server it started; a bare kill would orphan it.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
