import { expect, test, type Page } from "@playwright/test";
import { startReceiver } from "../test/receiver";
import { seriousViolations } from "./fixtures/axe";
import { orgPages } from "./fixtures/pages";
import { ownerOfNewOrg } from "./fixtures/accounts";
import { publisherApi } from "./fixtures/tokens";

test.use({ viewport: { width: 390, height: 844 } });

/** The page is no wider than the screen: nothing makes the whole page scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(clientWidth);
}

test("at 390 px the sidebar is a drawer behind a menu button, and no screen scrolls sideways", async ({ page }) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Narrow Co" });
  await expect(page.getByRole("navigation", { name: "Organization" })).toBeHidden();
  await expectNoSidewaysScroll(page);

  // The drawer: opened by the button, focus inside, Escape closes it and focus returns.
  const menuButton = page.getByRole("button", { name: "Open menu" });
  await menuButton.click();
  const drawer = page.getByRole("dialog", { name: "Narrow Co: menu" });
  await expect(drawer.getByRole("navigation", { name: "Organization" })).toBeVisible();
  await expect(drawer.locator(":focus")).toHaveCount(1);
  // Open, the drawer leaves nothing focusable hidden from assistive technology behind it.
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(menuButton).toBeFocused();

  // Following a link closes it and opens the screen.
  await menuButton.click();
  await drawer.getByRole("link", { name: "Webhooks" }).click();
  await expect(drawer).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/${slug}/webhooks$`));

  for (const path of orgPages) {
    await page.goto(`/${slug}${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});

test("a keyboard user can skip the navigation", async ({ page }) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Keyboard Co" });
  await page.goto(`/${slug}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("a webhook's page with batched deliveries fits the screen at 390, 1280 and 1440 px", async ({
  page,
  playwright,
}) => {
  const receiver = await startReceiver(undefined, () => ({ status: 200, body: "ok" }));
  const { slug } = await ownerOfNewOrg(page, { orgName: "Wide Co" });
  const api = await publisherApi(page, playwright.request, slug, ["events:write", "webhooks:write"]);
  try {
    const created = await api.post("/api/v1/webhooks", {
      data: {
        name: "Batched receiver with a long name that has to wrap somewhere",
        url: `${receiver.url}/a/rather/long/path/that/must/not/widen/the/page?with=a&query=string`,
        activationRequired: false,
        deliveryMode: "batched",
        batchWindowMs: 1000,
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const events = Array.from({ length: 5 }, (_, n) => ({ type: "test", payload: { n } }));
    expect((await api.post("/api/v1/events", { data: events })).status()).toBe(202);

    await page.goto(`/${slug}/webhooks/${id}`);
    await expect(page.getByTestId("latest-delivery")).toContainText("Succeeded", { timeout: 20_000 });
    for (const width of [390, 1280, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await expect(page.getByTestId("latest-delivery")).toContainText("Succeeded");
      await expectNoSidewaysScroll(page);
    }
  } finally {
    await api.dispose();
    await receiver.close();
  }
});
