import { expect, test } from "@playwright/test";
import { query } from "./fixtures/db";
import { inviteAndJoin, openInvitationToSignUp, openInviteDialog } from "./fixtures/members";
import { createProject } from "./fixtures/projects";
import { ownerOfNewOrg } from "./fixtures/accounts";
import { signOut, uniqueEmail } from "./fixtures/users";

test("a member of another org sees none of org A, in pages or API", async ({ page }) => {
  const a = await ownerOfNewOrg(page, { orgName: "Org Alpha" });
  await createProject(page, a.slug, "alpha-secret", "Alpha secret");
  const [project] = await query<{ id: string }>(`SELECT id FROM "Project" WHERE key = 'alpha-secret'`);
  await signOut(page);

  await ownerOfNewOrg(page, { orgName: "Org Beta" });
  for (const path of ["", "/projects", "/members", "/tokens", "/settings"]) {
    const response = await page.goto(`/${a.slug}${path}`);
    expect(response?.status(), `/${a.slug}${path}`).toBe(404);
  }
  // The browser's own session, asking for org A by slug and by project id.
  const asB = await page.evaluate(
    async ({ slug, id }) => {
      const headers = { "x-organization": slug };
      const list = await fetch("/api/v1/projects", { headers });
      const one = await fetch(`/api/v1/projects/${id}`, { headers });
      return [list.status, one.status];
    },
    { slug: a.slug, id: project!.id },
  );
  expect(asB).toEqual([404, 404]);
});

test("an invited viewer joins by email link and cannot write", async ({ page }) => {
  const owner = await ownerOfNewOrg(page, { orgName: "Viewer Test" });
  await createProject(page, owner.slug, "read-only", "Read only");
  await inviteAndJoin(page, owner.slug, "viewer");

  await page.goto(`/${owner.slug}/projects`);
  await expect(page.getByRole("cell", { name: "read-only", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "New project" })).toHaveCount(0);
  const status = await page.evaluate(async (slug) => {
    const response = await fetch("/api/v1/projects", {
      method: "POST",
      headers: { "x-organization": slug, "content-type": "application/json" },
      body: JSON.stringify({ key: "sneaky", name: "Sneaky" }),
    });
    return response.status;
  }, owner.slug);
  expect(status).toBe(403);
  // An admin's screen tells a viewer which role it needs, and shows nothing of its own.
  await page.goto(`/${owner.slug}/tokens`);
  await expect(page.getByText("You need the admin role to open this page.")).toBeVisible();
  await expect(page.getByText("Your role in this organization is viewer.")).toBeVisible();
  await expect(page.getByRole("button", { name: "New token" })).toHaveCount(0);
});

test("sign-up from an invitation link arrives with the invited address, and a refused sign-up keeps what was typed", async ({
  page,
}) => {
  const owner = await ownerOfNewOrg(page, { orgName: "Prefill Org" });
  const email = uniqueEmail("prefill");
  const dialog = await openInviteDialog(page, owner.slug, email, "member");
  await dialog.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  await signOut(page);

  // The address is the invitation's, read on the server: a query parameter cannot name another.
  await openInvitationToSignUp(page, email);
  await expect(page).toHaveURL(/\/sign-up\?callbackUrl=/);
  await expect(page.getByLabel("Work email")).toHaveValue(email);
  await expect(page.getByText(`Your invitation was sent to ${email}.`)).toBeVisible();

  // Another address that already has an account is refused; everything typed stays.
  await page.getByLabel("Your name").fill("Pre Filled");
  await page.getByLabel("Work email").fill(owner.email);
  await page.getByLabel("Password").fill("invited-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Pre Filled");
  await expect(page.getByLabel("Work email")).toHaveValue(owner.email);
  await expect(page.getByLabel("Password")).toHaveValue("invited-password-1");

  // Back to the invited address: no verification email, straight to accepting.
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(new RegExp(`/${owner.slug}$`));
});
