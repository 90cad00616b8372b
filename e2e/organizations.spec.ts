import { expect, test } from "@playwright/test";
import { inviteAndJoin } from "./fixtures/members";
import { password, signIn, signOut, signUp } from "./fixtures/users";

test("an owner creates a second org, switches between them and renames one", async ({ page }) => {
  const first = await signUp(page, { orgName: "First Org" });

  await page.getByRole("button", { name: "Switch organization" }).click();
  await page.getByRole("menuitem", { name: "Create organization" }).click();
  await page.getByLabel("Organization name").fill("Second Org");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second Org" })).toBeVisible();

  await page.getByRole("button", { name: "Switch organization" }).click();
  await page.getByRole("menuitem", { name: "First Org" }).click();
  await expect(page).toHaveURL(new RegExp(`/${first.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: "First Org" })).toBeVisible();

  await page.goto(`/${first.slug}/settings`);
  await page.getByLabel("Organization name").fill("First Org Renamed");
  await page.getByRole("button", { name: "Save" }).click();
  // The rename is saved once the page says so; leaving before that could abandon the request.
  await expect(page.getByRole("status").filter({ hasText: "Organization renamed" })).toBeVisible();
  await page.goto(`/${first.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "First Org Renamed" })).toBeVisible();
});

test("an owner changes a member's role and removes them, and the audit log shows it", async ({ page }) => {
  const owner = await signUp(page, { orgName: "Team Org" });
  const { email: memberEmail } = await inviteAndJoin(page, owner.slug, "member", "Mo Member");
  // As a member: projects are writable, member management is not offered.
  await page.goto(`/${owner.slug}/members`);
  await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, owner.email, password);
  await expect(page).toHaveURL(new RegExp(`/${owner.slug}$`));
  await page.goto(`/${owner.slug}/members`);
  await page.getByLabel(`Role for ${memberEmail}`).selectOption("admin");
  await expect(page.getByRole("status").filter({ hasText: `${memberEmail} is now admin` })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role for ${memberEmail}`)).toHaveValue("admin");

  await page
    .getByRole("row", { name: new RegExp(memberEmail) })
    .getByRole("button", { name: "Remove" })
    .click();
  await page.getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("cell", { name: memberEmail })).toHaveCount(0);

  await page.goto(`/${owner.slug}/audit`);
  for (const action of ["member.invited", "member.joined", "member.role_changed", "member.removed"]) {
    await expect(page.getByText(action, { exact: true }).first()).toBeVisible();
  }
});
