// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement, useState, type ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

afterEach(cleanup);

/** A page with a button that opens a dialog holding a field, as the app's dialogs are opened. */
function Page({ removeOpenerOnClose = false }: { removeOpenerOnClose?: boolean }) {
  const [open, setOpen] = useState(false);
  const [openerShown, setOpenerShown] = useState(true);
  const close = () => {
    setOpen(false);
    if (removeOpenerOnClose) setOpenerShown(false);
  };
  return createElement(
    "main",
    { tabIndex: -1 },
    openerShown ? createElement(Button, { onClick: () => setOpen(true) }, "New token") : null,
    createElement(
      Dialog,
      {
        open,
        onClose: close,
        title: "New token",
        description: "Tokens let machines call the API.",
        footer: createElement(Button, { onClick: close }, "Cancel"),
      },
      createElement(Input, { "aria-label": "Token name" }),
    ),
  );
}

function openFromButton() {
  const opener = screen.getByRole("button", { name: "New token" });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole("dialog", { name: "New token" }) };
}

describe("a dialog", () => {
  it("is named by its title and described by its description", () => {
    render(createElement(Page));
    openFromButton();
    screen.getByRole("dialog", { name: "New token", description: "Tokens let machines call the API." });
  });

  it("moves focus to its first control, and gives it back to the button that opened it on Escape", async () => {
    render(createElement(Page));
    const { opener } = openFromButton();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: "Token name" })));

    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it("closes from its × button, and focus goes back to the opener", async () => {
    render(createElement(Page));
    const { opener, dialog } = openFromButton();
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(dialog.isConnected).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it("hands focus to the main content when its opener is gone", async () => {
    render(createElement(Page, { removeOpenerOnClose: true }));
    openFromButton();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("button", { name: "New token" })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("main")));
  });

  it("makes the page behind it inert while open, as a native modal dialog does", async () => {
    render(createElement(Page));
    const { opener } = openFromButton();
    expect(opener.closest("[inert]")).not.toBeNull();
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(opener.closest("[inert]")).toBeNull();
  });

  it("closes on a click outside, but not on a toast's, which stays usable", () => {
    const toasts = document.body.appendChild(document.createElement("div"));
    toasts.setAttribute("aria-live", "polite");
    const dismiss = toasts.appendChild(document.createElement("button"));
    vi.useFakeTimers();
    try {
      render(createElement(Page));
      const { dialog } = openFromButton();
      // Radix listens for clicks outside from the next tick on.
      act(() => vi.runOnlyPendingTimers());
      expect(toasts.hasAttribute("inert")).toBe(false);
      fireEvent.pointerDown(dismiss, { button: 0 });
      fireEvent.click(dismiss);
      expect(dialog.isConnected).toBe(true);

      const backdrop = dialog.parentElement!;
      fireEvent.pointerDown(backdrop, { button: 0 });
      fireEvent.click(backdrop);
      expect(dialog.isConnected).toBe(false);
    } finally {
      vi.useRealTimers();
      toasts.remove();
    }
  });

  it("renders nothing while closed, so a form inside starts empty each time", async () => {
    render(createElement(Page));
    openFromButton();
    fireEvent.change(screen.getByRole("textbox", { name: "Token name" }), { target: { value: "deploy" } });
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("textbox", { name: "Token name" })).toBeNull();
    openFromButton();
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Token name" }).value).toBe("");
  });
});

describe("a confirmation", () => {
  function confirm(props: { pending?: boolean; onClose?: () => void; onConfirm?: () => void; children?: ReactNode }) {
    render(
      createElement(
        ConfirmDialog,
        {
          open: true,
          tone: "danger",
          title: "Delete payments?",
          message: "Its webhooks are deleted too.",
          confirmLabel: "Delete project",
          onClose: props.onClose ?? (() => {}),
          onConfirm: props.onConfirm ?? (() => {}),
          pending: props.pending,
        },
        props.children,
      ),
    );
    return screen.getByRole("dialog", { name: "Delete payments?", description: "Its webhooks are deleted too." });
  }

  it("opens with focus on Cancel, even below a control of its own, so an Enter on arrival deletes nothing", async () => {
    const onConfirm = vi.fn();
    confirm({ onConfirm, children: createElement(Checkbox, { label: "Also delete its event history" }) });
    const cancel = screen.getByRole("button", { name: "Cancel" });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it("confirms from its confirm button", () => {
    const onConfirm = vi.fn();
    confirm({ onConfirm });
    fireEvent.click(screen.getByRole("button", { name: "Delete project" }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it("cannot be closed while its action runs", async () => {
    const onClose = vi.fn();
    const dialog = confirm({ onClose, pending: true });
    await act(async () => {
      fireEvent.keyDown(dialog, { key: "Escape" });
    });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Cancel" }).disabled).toBe(true);
  });
});
