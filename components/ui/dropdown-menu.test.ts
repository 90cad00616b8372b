// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement, useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Dialog } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
} from "@/components/ui/dropdown-menu";

afterEach(cleanup);

function renderMenu(onEdit: () => void = () => {}) {
  render(
    createElement(
      DropdownMenu,
      { label: "Actions for payments", trigger: "…" },
      createElement(DropdownMenuLabel, null, "Project"),
      createElement(DropdownMenuItem, { onSelect: onEdit }, "Edit"),
      createElement(DropdownMenuItem, { href: "/acme/projects/payments" }, "Open"),
      createElement(DropdownMenuSeparator),
      createElement(DropdownMenuItem, { tone: "danger", onSelect: () => {} }, "Delete"),
    ),
  );
  return screen.getByRole("button", { name: "Actions for payments" });
}

function openWithKey(trigger: HTMLElement, key: "Enter" | " ") {
  trigger.focus();
  fireEvent.keyDown(trigger, { key });
  return screen.getByRole("menu", { name: "Actions for payments" });
}

describe("a dropdown menu", () => {
  it("is a closed menu button until opened", () => {
    const trigger = renderMenu();
    expect(trigger.getAttribute("aria-haspopup")).toBe("menu");
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it.each([
    ["Enter", "Enter"],
    ["Space", " "],
  ] as const)("opens on %s with focus on its first item", async (_, key) => {
    const trigger = renderMenu();
    openWithKey(trigger, key);
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Edit" })));
  });

  it("lists its actions and links as menu items", () => {
    openWithKey(renderMenu(), "Enter");
    expect(screen.getAllByRole("menuitem").map((item) => item.textContent)).toEqual(["Edit", "Open", "Delete"]);
    expect(screen.getByRole("menuitem", { name: "Open" }).getAttribute("href")).toBe("/acme/projects/payments");
    screen.getByRole("separator");
  });

  it("moves between items with the arrow keys, wrapping around", async () => {
    openWithKey(renderMenu(), "Enter");
    const edit = screen.getByRole("menuitem", { name: "Edit" });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    fireEvent.keyDown(edit, { key: "ArrowDown" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Open" })));
    fireEvent.keyDown(document.activeElement!, { key: "ArrowUp" });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    fireEvent.keyDown(edit, { key: "ArrowUp" });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Delete" })));
  });

  it("closes on Escape and gives focus back to its button", async () => {
    const trigger = renderMenu();
    openWithKey(trigger, "Enter");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("menuitem", { name: "Edit" })));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });

  it("runs a chosen item's action once it has closed, with focus back on its button", async () => {
    let focusedWhenRun: Element | null = null;
    const onEdit = vi.fn(() => (focusedWhenRun = document.activeElement));
    const trigger = renderMenu(onEdit);
    openWithKey(trigger, "Enter");
    fireEvent.click(screen.getByRole("menuitem", { name: "Edit" }));
    expect(screen.queryByRole("menu")).toBeNull();
    await waitFor(() => expect(onEdit).toHaveBeenCalledOnce());
    expect(focusedWhenRun).toBe(trigger);
  });
});

/** A row's menu whose Edit opens a dialog, as the projects table does. */
function RowWithDialog() {
  const [editing, setEditing] = useState(false);
  return createElement(
    "div",
    null,
    createElement(
      DropdownMenu,
      { label: "Actions for payments", trigger: "…" },
      createElement(DropdownMenuItem, { onSelect: () => setEditing(true) }, "Edit"),
    ),
    createElement(Dialog, { open: editing, onClose: () => setEditing(false), title: "Edit payments" }),
  );
}

describe("a dialog opened from a menu", () => {
  it("gives focus back to the menu's button when it closes", async () => {
    render(createElement(RowWithDialog));
    const trigger = screen.getByRole("button", { name: "Actions for payments" });
    openWithKey(trigger, "Enter");
    fireEvent.click(screen.getByRole("menuitem", { name: "Edit" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit payments" });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(document.activeElement).toBe(trigger));
  });
});
