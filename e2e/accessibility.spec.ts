import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { createProject } from "./fixtures/projects";
import { acceptGeneratedSecret } from "./fixtures/webhooks";
import { orgPages } from "./fixtures/pages";
import { ownerOfNewOrg } from "./fixtures/accounts";

// The two schemes' scans and the open-widget scan are independent: two browsers take them side by side.
test.describe.configure({ mode: "parallel" });

/** Loads each page and scans it; returns each page's findings, leaving out a page with none. */
async function findingsOn(page: Page, paths: readonly string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const violations = await seriousViolations(page);
    if (violations.length > 0) found[path] = violations;
  }
  return found;
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    // As the system setting would choose it.
    test.use({ colorScheme });

    test("every page has no serious or critical axe violation (WCAG 2.1 A and AA)", async ({ page }) => {
      // Eighteen pages, each loaded and scanned.
      test.setTimeout(180_000);
      const signedOut = await findingsOn(page, ["/sign-in", "/sign-up", "/docs/api"]);

      const { slug } = await ownerOfNewOrg(page, { orgName: "Axe Co" });
      await page.goto(`/${slug}/webhooks/new`);
      await page.getByRole("textbox", { name: "Name", exact: true }).fill("Orders");
      await page.getByRole("textbox", { name: "URL", exact: true }).fill("https://example.com/hooks");
      await page.getByRole("button", { name: "Create webhook" }).click();
      await acceptGeneratedSecret(page);
      await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
      const webhookPath = new URL(page.url()).pathname;

      const signedIn = await findingsOn(page, [
        ...orgPages.map((path) => `/${slug}${path}`),
        webhookPath,
        `${webhookPath}/edit`,
        "/account",
        "/orgs/new",
      ]);
      expect({ ...signedOut, ...signedIn }).toEqual({});
    });
  });
}

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
