"use client";

import * as DialogPrimitive from "@radix-ui/react-dialog";
import { XIcon } from "lucide-react";
import { useRef, type ReactNode, type RefObject } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { inertOutside } from "./inert-outside";

export interface DialogProps {
  open: boolean;
  /** Called on Escape, a click outside or the close button. The parent sets `open` to false. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action row, usually Buttons; right-aligned. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** Hide the × button (e.g. while a mutation is pending). */
  hideClose?: boolean;
  /**
   * What takes focus when the dialog opens: its first control (the default), the dialog itself
   * (`"dialog"`, for one that is read first and whose first control would send or delete
   * something), or the given element.
   */
  initialFocus?: "first-control" | "dialog" | RefObject<HTMLElement | null>;
  className?: string;
}

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/**
 * Modal dialog (Radix Dialog): focus moves in and is trapped, the page behind is hidden from
 * assistive technology and does not scroll, Escape and a click outside call `onClose`, and on
 * closing focus returns to the element that opened it. Content is only rendered while open, so
 * forms inside reset between openings.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  hideClose,
  initialFocus = "first-control",
  className,
}: DialogProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const undoInert = useRef<(() => void) | null>(null);

  return (
    <DialogPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) onClose();
      }}
    >
      <DialogPrimitive.Portal>
        {/* The overlay holds the dialog, so a dialog taller than the screen scrolls within it. */}
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 flex overflow-y-auto bg-ink-950/40 p-4 backdrop-blur-[2px] dark:bg-ink-950/70">
          <DialogPrimitive.Content
            ref={contentRef}
            onOpenAutoFocus={(event) => {
              // Most dialogs open from a plain button, not a Radix trigger: note whichever element
              // had focus, to give it back; then the page behind becomes inert.
              opener.current = document.activeElement;
              if (contentRef.current) undoInert.current = inertOutside(contentRef.current);
              if (initialFocus === "first-control") return;
              event.preventDefault();
              (initialFocus === "dialog" ? contentRef : initialFocus).current?.focus();
              // A given element that cannot take focus (disabled) leaves it on the dialog.
              if (!contentRef.current?.contains(document.activeElement)) contentRef.current?.focus();
            }}
            // Toasts show above the dialog and stay live: dismissing one leaves the dialog open.
            onPointerDownOutside={(event) => {
              if (event.target instanceof Element && event.target.closest("[aria-live]")) event.preventDefault();
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              // React's development double mount also ends up here, with the dialog still open.
              if (contentRef.current?.isConnected) return;
              undoInert.current?.();
              undoInert.current = null;
              const target = opener.current;
              opener.current = null;
              // An opener that is gone (its row was deleted) hands focus to the page's main content.
              const returnTo =
                target instanceof HTMLElement && target.isConnected ? target : document.querySelector("main");
              returnTo?.focus();
            }}
            className={cn(
              "relative m-auto w-full rounded-card border border-zinc-200 bg-surface text-zinc-900 shadow-overlay focus:outline-hidden",
              "transition-[opacity,translate] duration-150 starting:translate-y-1 starting:opacity-0",
              widths[size],
              className,
            )}
          >
            <div className="grid gap-1.5 px-6 pt-6 pr-14">
              <DialogPrimitive.Title className="text-base font-semibold tracking-tight">{title}</DialogPrimitive.Title>
              {description && (
                <DialogPrimitive.Description asChild>
                  <div className="text-sm text-zinc-500">{description}</div>
                </DialogPrimitive.Description>
              )}
            </div>
            <div className={cn("px-6 pb-6", children ? "pt-5" : "pt-1")}>{children}</div>
            {footer && (
              <div className="flex flex-col-reverse gap-2 rounded-b-card-inner border-t border-zinc-200 bg-zinc-50/70 px-6 py-4 sm:flex-row sm:justify-end sm:gap-3">
                {footer}
              </div>
            )}
            {/* Last in DOM order so the first control of the content takes focus, not ×. */}
            {!hideClose && (
              <DialogPrimitive.Close
                aria-label="Close"
                className="absolute top-4 right-4 inline-flex size-8 items-center justify-center rounded-control text-zinc-400 transition-colors hover:bg-zinc-100 hover:text-zinc-700"
              >
                <XIcon />
              </DialogPrimitive.Close>
            )}
          </DialogPrimitive.Content>
        </DialogPrimitive.Overlay>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

export interface FormDialogFooterProps {
  /** The id of the form in the dialog's body, which the submit button submits. */
  formId: string;
  submitLabel: ReactNode;
  pending: boolean;
  onCancel: () => void;
}

/** Cancel and submit for a dialog whose form lives in its body; both wait while the form saves. */
export function FormDialogFooter({ formId, submitLabel, pending, onCancel }: FormDialogFooterProps) {
  return (
    <>
      <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
        Cancel
      </Button>
      <Button type="submit" form={formId} loading={pending}>
        {submitLabel}
      </Button>
    </>
  );
}
