import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { createProject } from "./fixtures/projects";
import { createWebhookInDashboard } from "./fixtures/webhooks";
import { orgPages } from "./fixtures/pages";
import { ownerOfNewOrg } from "./fixtures/accounts";

const schemes = ["light", "dark"] as const;

/**
 * Loads each page once and scans it in both colour schemes, switched as the system setting would
 * switch them; returns the findings by page and scheme, leaving out those with none.
 */
async function findingsOn(page: Page, paths: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: schemes[0] });
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
        colorScheme === "dark",
      );
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${path} (${colorScheme})`] = violations;
    }
  }
  return found;
}

test("every page, in light and dark mode, has no serious or critical axe violation (WCAG 2.1 A and AA)", async ({
  page,
}) => {
  // Eighteen pages, each loaded once and scanned twice.
  test.setTimeout(240_000);
  const signedOut = await findingsOn(page, ["/sign-in", "/sign-up", "/docs/api"]);

  const { slug } = await ownerOfNewOrg(page, { orgName: "Axe Co" });
  const webhookPath = await createWebhookInDashboard(page, slug, { name: "Orders", url: "https://example.com/hooks" });

  const signedIn = await findingsOn(page, [
    ...orgPages.map((path) => `/${slug}${path}`),
    webhookPath,
    `${webhookPath}/edit`,
    "/account",
    "/orgs/new",
  ]);
  expect({ ...signedOut, ...signedIn }).toEqual({});
});

test("an open menu, dialog and confirmation have no serious or critical axe violation", async ({ page }) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Axe Menus Co" });
  await createProject(page, slug, "payments", "Payments");

  await page.getByRole("button", { name: "Actions for payments" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(page.getByRole("dialog", { name: "Delete payments?" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "New project" }).click();
  await expect(page.getByRole("dialog", { name: "New project" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
