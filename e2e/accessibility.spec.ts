import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { createProject } from "./fixtures/projects";
import { acceptGeneratedSecret } from "./fixtures/webhooks";
import { orgPages } from "./fixtures/pages";
import { ownerOfNewOrg } from "./fixtures/accounts";

/** Every page's findings, so one run lists them all; a page with none is left out. */
const found: Record<string, string[]> = {};

const schemes = ["light", "dark"] as const;

/** Loads each page in each color scheme (as the system setting would choose it) and scans it. */
async function expectAccessible(page: Page, paths: readonly string[]) {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme });
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[`${path} (${colorScheme})`] = violations;
    }
  }
}

test("every page has no serious or critical axe violation (WCAG 2.1 A and AA), in light and dark mode", async ({
  page,
}) => {
  // Eighteen pages, each loaded and scanned twice.
  test.setTimeout(360_000);
  await expectAccessible(page, ["/sign-in", "/sign-up", "/docs/api"]);

  const { slug } = await ownerOfNewOrg(page, { orgName: "Axe Co" });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(`/${slug}/webhooks/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Orders");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill("https://example.com/hooks");
  await page.getByRole("button", { name: "Create webhook" }).click();
  await acceptGeneratedSecret(page);
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const webhookPath = new URL(page.url()).pathname;

  await expectAccessible(page, [
    ...orgPages.map((path) => `/${slug}${path}`),
    webhookPath,
    `${webhookPath}/edit`,
    "/account",
    "/orgs/new",
  ]);
  expect(found).toEqual({});
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
