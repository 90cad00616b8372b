import { expect, test, type Locator, type Page } from "@playwright/test";
import { createProject } from "./fixtures/projects";
import { ownerOfNewOrg } from "./fixtures/accounts";

/** Presses Tab (or Shift+Tab) round the dialog more times than it has controls: focus never leaves it. */
async function expectFocusTrapped(page: Page, dialog: Locator, key: "Tab" | "Shift+Tab") {
  for (let press = 0; press < 8; press++) {
    await page.keyboard.press(key);
    await expect(dialog.locator(":focus")).toHaveCount(1);
  }
}

test("a menu opens from the keyboard on its first item, arrows move, Escape closes it back to its button", async ({
  page,
}) => {
  await ownerOfNewOrg(page, { orgName: "Keys Co" });
  const account = page.getByRole("button", { name: "Account" });
  const menu = page.getByRole("menu");

  await account.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await expect(account).toHaveAttribute("aria-expanded", "true");
  await expect(menu.getByRole("menuitem", { name: "Password" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Password" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(account).toBeFocused();

  // Space opens it too; a link item is followed with Enter.
  const switcher = page.getByRole("button", { name: "Switch organization" });
  await switcher.focus();
  await page.keyboard.press(" ");
  await expect(menu.getByRole("menuitem", { name: "Keys Co" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Create organization" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/orgs\/new$/);
});

test("a dialog traps focus, Escape closes it, and focus returns to what opened it, a menu's button included", async ({
  page,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "Dialog Co" });
  await createProject(page, slug, "payments", "Payments");

  // Opened by a button: focus moves to its first field and stays inside; Escape gives it back.
  const newProject = page.getByRole("button", { name: "New project" });
  await newProject.focus();
  await page.keyboard.press("Enter");
  const created = page.getByRole("dialog", { name: "New project" });
  await expect(created.getByRole("textbox", { name: "Key" })).toBeFocused();
  await expectFocusTrapped(page, created, "Tab");
  await expectFocusTrapped(page, created, "Shift+Tab");
  await page.keyboard.press("Escape");
  await expect(created).toBeHidden();
  await expect(newProject).toBeFocused();

  // Opened from a row's menu: the menu closes and, when the dialog closes, focus is back on the menu's button.
  const rowMenu = page.getByRole("button", { name: "Actions for payments" });
  await rowMenu.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Edit" })).toBeFocused();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("dialog", { name: "Edit project" });
  await expect(edit.getByRole("textbox", { name: "Key" })).toBeFocused();
  await expect(page.getByRole("menu")).toBeHidden();
  await expectFocusTrapped(page, edit, "Tab");
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();
  await expect(rowMenu).toBeFocused();

  // A confirmation opens on Cancel: an Enter on arrival deletes nothing.
  await page.keyboard.press("Enter");
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("dialog", { name: "Delete payments?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(rowMenu).toBeFocused();
  await expect(page.getByRole("cell", { name: "payments", exact: true })).toBeVisible();
});
