import { expect, test } from "@playwright/test";
import { createProject } from "./fixtures/projects";
import { ownerOfNewOrg } from "./fixtures/accounts";

test("an API token created in the dashboard calls the API until it is revoked", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Token Co" });
  await createProject(page, slug, "billing-service", "Billing service");

  await page.goto(`/${slug}/tokens`);
  await page.getByRole("button", { name: "New token" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API token" });
  await dialog.getByLabel("Name").fill("CI pipeline");
  await dialog.getByLabel("projects:read").check();
  await dialog.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.locator("code[data-secret]").first().textContent())?.trim() ?? "";
  expect(secret).toMatch(/^whk_[A-Za-z0-9_-]{40,}$/);

  // A separate client with no browser cookies: only the bearer token authenticates it.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  const listed = await api.get("/api/v1/projects");
  expect(listed.status()).toBe(200);
  expect((await listed.json()).data.map((project: { key: string }) => project.key)).toEqual(["billing-service"]);

  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  const row = page.getByRole("row", { name: /CI pipeline/ });
  await expect(row).toBeVisible();
  // The API call above shows up as the token's last use.
  await expect(row).toContainText(/now|seconds? ago/);
  await row.getByRole("button", { name: "Revoke", exact: true }).click();
  await page.getByRole("button", { name: "Revoke token" }).click();
  await expect(row).toContainText(/revoked/i);

  const refused = await api.get("/api/v1/projects");
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("unauthorized");
  await api.dispose();
});
