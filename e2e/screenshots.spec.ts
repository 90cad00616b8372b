import { expect, test, type Locator, type Page } from "@playwright/test";
import { query } from "./fixtures/db";
import { ownerOfNewOrg } from "./fixtures/accounts";

test.use({ viewport: { width: 390, height: 844 } });

/**
 * What differs from run to run — the sign-up address, the org's slug, dates, charts drawn against
 * the current hour, ids, commands naming the server's port — is masked; everything else must match the committed picture pixel for pixel
 * (`npx playwright test e2e/screenshots.spec.ts --update-snapshots` after an intended change).
 */
const varying = (page: Page): Locator[] => [
  page.getByText(/@example\.com/),
  page.locator("time"),
  page.locator("svg[role='img']"),
  page.getByText(/screens-co-[0-9a-f]+/),
  page.getByText(/\b[a-z]+_[0-9a-f]{32}\b/),
  page.getByText(/\d{4}, \d{1,2}:\d{2}\s?[AP]M/),
  page.locator("pre code"),
  page.getByText(/localhost:\d+/),
];

async function expectScreen(page: Page, path: string, name: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true, mask: varying(page), animations: "disabled" });
}

test("the main pages at 390 px look as committed", async ({ page }) => {
  await expectScreen(page, "/sign-in", "sign-in");
  // One address every run, so the members table's columns keep their width; an earlier run's account goes first.
  const email = "screens@example.com";
  await query(`DELETE FROM "User" WHERE email = $1`, [email]);
  const { slug } = await ownerOfNewOrg(page, { email, orgName: "Screens Co", name: "Sam Screens" });
  for (const [path, name] of [
    ["", "overview"],
    ["/projects", "projects"],
    ["/webhooks", "webhooks"],
    ["/webhooks/new", "new-webhook"],
    ["/tokens", "tokens"],
    ["/members", "members"],
    ["/settings", "settings"],
  ] as const)
    await expectScreen(page, `/${slug}${path}`, name);
});

test.describe("in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("the main pages at 390 px look as committed", async ({ page }) => {
    await expectScreen(page, "/sign-in", "dark-sign-in");
    const email = "screens-dark@example.com";
    await query(`DELETE FROM "User" WHERE email = $1`, [email]);
    const { slug } = await ownerOfNewOrg(page, { email, orgName: "Screens Co", name: "Sam Screens" });
    for (const [path, name] of [
      ["", "dark-overview"],
      ["/webhooks/new", "dark-new-webhook"],
      ["/settings", "dark-settings"],
    ] as const)
      await expectScreen(page, `/${slug}${path}`, name);
  });
});
