import { expect, test, type Page } from "@playwright/test";
import { startReceiver } from "../test/receiver";
import { acceptGeneratedSecret } from "./fixtures/webhooks";
import { signUp } from "./fixtures/users";

/** The overview's "Get started" card, one of its steps by title, and whether the step reads as done. */
const getStarted = (page: Page) => page.getByRole("region", { name: "Get started" });
const step = (page: Page, title: string) =>
  getStarted(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title }) });
const done = (page: Page, title: string) =>
  step(page, title).getByRole("heading", { name: `${title} (done)`, exact: true });

async function backToOverview(page: Page) {
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Overview" }).click();
}

test("a new user goes from sign-up to a delivered event by following the overview, then sees it in the org's health", async ({
  page,
  playwright,
}) => {
  const receiver = await startReceiver(undefined, () => ({ status: 200, body: "thanks" }));
  await signUp(page, { orgName: "Onboarding Co" });

  await expect(getStarted(page)).toContainText("Five steps from nothing to your first webhook delivery.");
  for (const title of [
    "Create a project",
    "Add a webhook",
    "Create an API token",
    "Publish an event",
    "See it arrive",
  ]) {
    await expect(step(page, title)).toHaveCount(1);
    await expect(done(page, title)).toHaveCount(0);
  }

  // 1. A project.
  await step(page, "Create a project").getByRole("link", { name: "Create a project" }).click();
  await page.getByRole("button", { name: "New project" }).first().click();
  const projectDialog = page.getByRole("dialog", { name: "New project" });
  await projectDialog.getByLabel("Key").fill("payments-service");
  await projectDialog.getByLabel("Name").fill("Payments service");
  await projectDialog.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("cell", { name: "payments-service", exact: true })).toBeVisible();
  await backToOverview(page);
  await expect(done(page, "Create a project")).toBeVisible();

  // 2. A webhook pointing at a receiver.
  await step(page, "Add a webhook").getByRole("link", { name: "Add a webhook" }).click();
  await page.getByRole("link", { name: "New webhook" }).first().click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Receiver");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill(receiver.url);
  await page.getByRole("button", { name: "Create webhook" }).click();
  await acceptGeneratedSecret(page);
  await expect(page.getByRole("heading", { level: 1, name: "Receiver" })).toBeVisible();
  // The hub sends a test event to the new URL; its 2xx activates the webhook.
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await backToOverview(page);
  await expect(done(page, "Add a webhook")).toBeVisible();

  // 3. A token that may publish.
  await step(page, "Create an API token").getByRole("link", { name: "Create a token" }).click();
  await page.getByRole("button", { name: "New token" }).first().click();
  const tokenDialog = page.getByRole("dialog", { name: "Create API token" });
  await tokenDialog.getByLabel("Name").fill("ci");
  await tokenDialog.getByLabel("events:write").check();
  await tokenDialog.getByRole("button", { name: "Create token" }).click();
  const token = (await page.locator("code[data-secret]").first().textContent())?.trim() ?? "";
  expect(token).toMatch(/^whk_/);
  await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
  await backToOverview(page);
  await expect(done(page, "Create an API token")).toBeVisible();

  // 4. Publish with the command the overview shows, as a terminal would send it.
  const command = (await step(page, "Publish an event").locator("pre code").textContent()) ?? "";
  const url = command.match(/(http\S+\/api\/v1\/events)/)?.[1];
  const body = command.match(/-d '(.+)'/)?.[1];
  expect(url, command).toBeDefined();
  expect(body, command).toBeDefined();
  expect(command).toContain('-H "Authorization: Bearer $WEBHOOK_HUB_TOKEN"');
  const api = await playwright.request.newContext();
  const published = await api.post(url!, {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: body!,
  });
  expect(published.status()).toBe(202);
  const { type } = JSON.parse(body!) as { type: string };

  // 5. It arrives (a Standard Webhooks body names the event's type; the activation test event is "test");
  // once delivered the guide steps aside and the health shows it.
  const arrived = () =>
    receiver.requests.filter((request) => (JSON.parse(request.body) as { type: string }).type === type);
  await expect.poll(() => arrived().length, { timeout: 20_000 }).toBe(1);
  expect(receiver.requests).toHaveLength(2);
  await expect(async () => {
    await page.reload();
    await expect(getStarted(page)).toHaveCount(0);
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("group", { name: "Succeeded" })).toHaveText("Succeeded1");
  await expect(page.getByRole("group", { name: "Failed" })).toHaveText("Failed0");
  const row = page
    .getByRole("table", { name: "Webhook health over the last 24 hours" })
    .getByRole("row", { name: /Receiver/ });
  await expect(row).toContainText("Active");
  // Two attempts, both answered 2xx: the activation test event and the published event.
  await expect(row).toContainText("100% of 2");
  await expect(page.getByText("Delivery engine up to date.")).toBeVisible();

  await api.dispose();
  await receiver.close();
});
