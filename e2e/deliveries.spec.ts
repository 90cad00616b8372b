import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { baseURL } from "./fixtures/config";
import { startReceiver } from "../test/receiver";
import { createToken } from "./fixtures/tokens";
import { signUp } from "./fixtures/users";
import { acceptGeneratedSecret } from "./fixtures/webhooks";

test("a webhook is tested, activated, and its deliveries are browsed, retried and charted", async ({ page, playwright }) => {
  const answering = (status: number) => () => ({ status, body: `answered ${status}` });
  const receiver = await startReceiver(undefined, answering(200));
  const { slug } = await signUp(page, { orgName: "Delivery Co" });

  // Test it before saving (CodeScoring), then save: the test event activates it (DeepSource).
  await page.goto(`/${slug}/webhooks/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Local receiver");
  await page.getByRole("textbox", { name: "URL", exact: true }).fill(receiver.url);
  await page.getByRole("button", { name: "Test it" }).click();
  await expect(page.getByTestId("probe-result")).toContainText("Success");
  await expect(page.getByTestId("probe-result")).toContainText("answered 200");
  await page.getByRole("button", { name: "Create webhook" }).click();
  const secret = await acceptGeneratedSecret(page);
  await expect(page.getByRole("heading", { level: 1, name: "Local receiver" })).toBeVisible();
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  const webhookUrl = page.url();

  // A machine publishes an event; the history shows it delivered.
  const token = await createToken(page, slug, "publisher", ["events:write"]);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const published = await api.post("/api/v1/events", { data: { type: "test", payload: { from: "e2e" } } });
  expect(published.status()).toBe(202);
  await page.goto(webhookUrl);
  const latest = page.getByTestId("latest-delivery");
  await expect(latest).toContainText("Succeeded", { timeout: 20_000 });
  await expect.poll(() => receiver.requests.some((request) => request.body.includes('"from":"e2e"'))).toBe(true);
  // Signed with the secret the hub generated and showed once (Standard Webhooks).
  const signed = receiver.requests.find((request) => request.body.includes('"from":"e2e"'))!;
  expect(() => new Webhook(secret).verify(signed.body, signed.headers as Record<string, string>)).not.toThrow();

  // Open it: the attempt's request and response are there; Retry sends it again.
  await latest.getByRole("button", { name: "View payload and response" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("attempt")).toHaveCount(1);
  await expect(dialog).toContainText('"from": "e2e"');
  await expect(dialog).toContainText("answered 200");
  await dialog.getByRole("button", { name: "Retry now" }).click();
  await expect(dialog.getByTestId("attempt")).toHaveCount(2);
  await page.keyboard.press("Escape");

  // A failing endpoint shows as failing, with the failure on record.
  receiver.answer(answering(500));
  await api.post("/api/v1/events", { data: { type: "test", payload: { from: "e2e-failing" } } });
  await expect(latest).toContainText("HTTP 500", { timeout: 20_000 });
  await expect(page.getByText("Failing", { exact: true }).first()).toBeVisible({ timeout: 20_000 });

  await expect(page.getByRole("heading", { name: "Success and latency" })).toBeVisible();
  await page.getByRole("group", { name: "Chart range" }).getByRole("button", { name: "7d" }).click();

  // Rotate the secret: the new one is shown once, and the old one keeps signing for 24 h.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("dialog", { name: /Rotate the signing secret/ }).getByRole("button", { name: "Rotate secret" }).click();
  const revealed = page.getByRole("dialog", { name: "New signing secret" });
  const rotated = (await revealed.locator("code[data-secret]").textContent())?.trim() ?? "";
  expect(rotated).toMatch(/^whsec_/);
  expect(rotated).not.toBe(secret);
  await revealed.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("previous-secret-valid-until")).toBeVisible();

  await api.dispose();
  await receiver.close();
});
