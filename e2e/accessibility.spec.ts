import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { acceptGeneratedSecret } from "./fixtures/webhooks";
import { orgPages } from "./fixtures/pages";
import { signUp } from "./fixtures/users";

/** axe's serious and critical findings on the page as it stands, one line each: rule, what to fix, where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`).join(", ")})`,
    );
}

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

  const { slug } = await signUp(page, { orgName: "Axe Co" });
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
