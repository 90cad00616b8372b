import { expect, test } from "@playwright/test";
import { createWebhookInDashboard } from "./fixtures/webhooks";
import { ownerOfNewOrg } from "./fixtures/accounts";

test("a webhook changed in the dashboard shows in the audit log, filtered by action, with its settings before and after", async ({
  page,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Audit Co" });
  await createWebhookInDashboard(page, slug, { name: "Orders", url: "https://hooks.example.com/orders" });

  await page.getByRole("link", { name: "Edit" }).click();
  const timeout = page.getByLabel("Timeout (ms)");
  const timeoutBefore = await timeout.inputValue();
  expect(timeoutBefore).not.toBe("9000");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Orders (prod)");
  await timeout.fill("9000");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Orders (prod)" })).toBeVisible();

  await page.goto(`/${slug}/audit`);
  await expect(page.getByText("webhook.created", { exact: true })).toBeVisible();
  await page.getByLabel("What happened").selectOption("webhook.replaced");
  await expect(page).toHaveURL(/[?&]action=webhook\.replaced(&|$)/);
  await expect(page.getByText("webhook.created", { exact: true })).toHaveCount(0);
  const entry = page.getByRole("row").filter({ hasText: "webhook.replaced" });
  await expect(entry).toHaveCount(1);

  // A reload (or the link, shared) keeps the filter.
  await page.reload();
  await expect(page.getByLabel("What happened")).toHaveValue("webhook.replaced");
  await expect(page.getByText("webhook.created", { exact: true })).toHaveCount(0);

  const disclosure = entry.getByRole("button", { name: /2 settings changed/ });
  await expect(disclosure).toHaveAttribute("aria-expanded", "false");
  await disclosure.click();
  await expect(disclosure).toHaveAttribute("aria-expanded", "true");
  const changes = page.getByRole("table", { name: "Changed settings, before and after" });
  await expect(changes.getByRole("row", { name: /^Name/ })).toHaveText(/Name\s*Orders\s*Orders \(prod\)/);
  await expect(changes.getByRole("row", { name: /^Timeout/ })).toHaveText(
    new RegExp(`Timeout \\(ms\\)\\s*${timeoutBefore}\\s*9000`),
  );
  await expect(changes.getByRole("row")).toHaveCount(3);

  // On a phone the page does not scroll sideways: the tables scroll inside their card.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(changes).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await disclosure.click();
  await expect(disclosure).toHaveAttribute("aria-expanded", "false");
  await expect(changes).toHaveCount(0);
});
