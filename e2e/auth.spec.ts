import { expect, test } from "@playwright/test";
import { firstLink, latestEmail } from "./fixtures/db";
import { password, signIn, signOut, signUp, uniqueEmail, verifyEmail } from "./fixtures/users";

test("a new user signs up, lands on their new org, signs out and back in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  const { email, slug } = await signUp(page, { orgName: "Lovelace Labs" });
  expect(slug).toMatch(/^lovelace-labs-[0-9a-f]{8}$/);

  await signOut(page);
  await page.goto(`/${slug}`);
  await expect(page).toHaveURL(/\/sign-in$/);

  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Lovelace Labs" })).toBeVisible();
});

test("the demo credentials printed on start work", async ({ page }) => {
  await signIn(page, "demo@example.com", "webhook-hub-demo");
  await expect(page).toHaveURL(/\/demo$/);
  await expect(page.getByRole("heading", { level: 1, name: "Demo Org" })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, "demo@example.com", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing up twice with one email is refused on the email field", async ({ page }) => {
  const email = uniqueEmail();
  await signUp(page, { email });
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill("another-password-1");
  await page.getByLabel("Organization name").fill("Other");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();
});

test("a magic link sent by email signs the user in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with an email link instead" }).click();
  await page.getByLabel("Email").fill("demo@example.com");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const email = await latestEmail("demo@example.com", "sign_in_link");
  expect(email?.status).toBe("sent");
  await page.goto(firstLink(email!.text));
  await expect(page.getByRole("heading", { level: 1, name: "Demo Org" })).toBeVisible();
});

test("an unverified account cannot sign in until its emailed link is confirmed, and can ask for a new link", async ({
  page,
}) => {
  const email = uniqueEmail("unverified");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Barbara Liskov");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Organization name").fill("Liskov Labs");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  await signIn(page, email);
  await expect(page.getByRole("alert").filter({ hasText: "Verify your email address first" })).toBeVisible();
  await page.getByRole("button", { name: "Resend verification email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "we sent it a new link" })).toBeVisible();

  await verifyEmail(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Liskov Labs" })).toBeVisible();
});

test("a session cookie copied before sign-out stops working after it", async ({ page, browser }) => {
  const { slug } = await signUp(page, { orgName: "Copied Cookie" });
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  const elsewhere = await copy.newPage();
  await elsewhere.goto(`/${slug}`);
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Copied Cookie" })).toBeVisible();

  await signOut(page);
  await elsewhere.goto(`/${slug}`);
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await copy.close();
});

test("changing the password signs out every other session and keeps this one", async ({ page, browser }) => {
  const { email, slug } = await signUp(page, { orgName: "Password Co" });
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());

  await page.getByRole("button", { name: "Account" }).click();
  await page.getByRole("menuitem", { name: "Password" }).click();
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password").fill("a-brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password saved" })).toBeVisible();

  await page.goto(`/${slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Password Co" })).toBeVisible();
  const elsewhere = await copy.newPage();
  await elsewhere.goto(`/${slug}`);
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await copy.close();

  await signOut(page);
  await signIn(page, email, "a-brand-new-password");
  await expect(page).toHaveURL(new RegExp(`/${slug}$`));
});
