import { expect, test } from "@playwright/test";
import { inviteAndJoin, openInviteDialog } from "./fixtures/members";
import { ownerOfNewOrg } from "./fixtures/accounts";
import { password, signIn, signOut, uniqueEmail, verifyEmail } from "./fixtures/users";

test("an owner creates a second org, switches between them and renames one", async ({ page }) => {
  const first = await ownerOfNewOrg(page, { orgName: "First Org" });

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
  await page.getByRole("button", { name: "Save", exact: true }).click();
  // The rename is saved once the page says so; leaving before that could abandon the request.
  await expect(page.getByRole("status").filter({ hasText: "Organization renamed" })).toBeVisible();
  await page.goto(`/${first.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "First Org Renamed" })).toBeVisible();

  // Limits and retention are the owner's to change.
  await page.goto(`/${first.slug}/settings`);
  await page.getByLabel("Event retention (days)").fill("14");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Limits saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Event retention (days)")).toHaveValue("14");
});

test("an owner changes a member's role and removes them, and the audit log shows it", async ({ page }) => {
  const owner = await ownerOfNewOrg(page, { orgName: "Team Org" });
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

test("re-inviting says it replaces the pending invitation and changes its role; a member is already a member", async ({
  page,
}) => {
  const owner = await ownerOfNewOrg(page, { orgName: "Reinvite Org" });
  const email = uniqueEmail("reinvite");
  let dialog = await openInviteDialog(page, owner.slug, email, "member");
  await expect(dialog.getByRole("status")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row.getByText("Member", { exact: true })).toBeVisible();

  dialog = await openInviteDialog(page, owner.slug, email, "admin");
  await expect(dialog.getByRole("status")).toHaveText(
    `${email} already has a pending invitation. Sending replaces it and changes its role from Member to Admin; the earlier link stops working.`,
  );
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  const toast = page.getByRole("status").filter({ hasText: `Invitation to ${email} replaced` });
  await expect(toast).toContainText("Its role changed from Member to Admin.");
  await expect(row.getByText("Admin", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(email) })).toHaveCount(1);

  dialog = await openInviteDialog(page, owner.slug, owner.email, "member");
  await expect(dialog.getByRole("status")).toContainText(`${owner.email} is already a member of this organization`);
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(dialog.getByText(`${owner.email} is already a member of this organization.`)).toBeVisible();
});

test("an owner lets people at the team's email domain join; a newcomer there signs up, verifies and lands in the org", async ({
  page,
}) => {
  const domain = `team-${Date.now().toString(36)}.example`;
  const owner = await ownerOfNewOrg(page, { email: `owner@${domain}`, orgName: "Domain Org" });
  await page.goto(`/${owner.slug}/settings`);
  await page.getByRole("radio", { name: "Anyone with a verified email address at these domains" }).check();
  // A public provider would let anyone in: refused, in words.
  await page.getByLabel("Domains", { exact: true }).fill("gmail.com");
  await page.getByRole("button", { name: "Save joining policy" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "gmail.com is a public email provider" })).toBeVisible();
  await page.getByLabel("Domains", { exact: true }).fill(domain.toUpperCase());
  await page.getByLabel("Role they get").selectOption("admin");
  await page.getByRole("button", { name: "Save joining policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Joining policy saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Domains", { exact: true })).toHaveValue(domain);
  await signOut(page);

  // The newcomer asks for no organization of their own, and verifies through the emailed link.
  const email = `newcomer@${domain}`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Nia Newcomer");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await verifyEmail(page, email);
  await expect(page).toHaveURL(new RegExp(`/${owner.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Domain Org" })).toBeVisible();

  await page.goto(`/${owner.slug}/members`);
  await expect(page.getByLabel(`Role for ${email}`)).toHaveValue("admin");
  await page.goto(`/${owner.slug}/audit?action=member.joined_by_domain`);
  await expect(page.getByText("member.joined_by_domain", { exact: true }).first()).toBeVisible();
});
