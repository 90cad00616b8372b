"use client";

import { XIcon } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

export interface DialogProps {
  open: boolean;
  /** Called on Escape, backdrop click or the close button. The parent sets `open` to false. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action row, usually Buttons; right-aligned. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** Hide the × button (e.g. while a mutation is pending). */
  hideClose?: boolean;
  className?: string;
}

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/**
 * Modal built on the native <dialog> (top layer, focus trapping, Escape and
 * focus restoration come from the browser). Content is only rendered while
 * open, so forms inside reset between openings.
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
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const openRef = useRef(open);
  const onCloseRef = useRef(onClose);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    openRef.current = open;
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // jsdom has no showModal; fall back to the `open` attribute there.
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // Keep the dialog controlled: ask the parent to close instead of closing natively.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // Browsers may still close natively (e.g. a repeated Escape); report it.
      onClose={() => {
        if (openRef.current) onCloseRef.current();
      }}
      onPointerDown={(e) => {
        pressedOnBackdrop.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        if (pressedOnBackdrop.current && e.target === e.currentTarget) onClose();
        pressedOnBackdrop.current = false;
      }}
      className={cn(
        "m-auto w-[calc(100%-2rem)] rounded-card border border-zinc-200 bg-surface p-0 text-zinc-900 shadow-overlay",
        "backdrop:bg-ink-950/40 backdrop:backdrop-blur-[2px] dark:backdrop:bg-ink-950/70",
        "transition-[opacity,translate] duration-150 starting:translate-y-1 starting:opacity-0",
        widths[size],
        className,
      )}
    >
      {open && (
        <div className="relative">
          <div className="grid gap-1.5 px-6 pt-6 pr-14">
            <h2 id={titleId} className="text-base font-semibold tracking-tight">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="text-sm text-zinc-500">
                {description}
              </div>
            )}
          </div>
          <div className={cn("px-6 pb-6", children ? "pt-5" : "pt-1")}>{children}</div>
          {footer && (
            <div className="flex flex-col-reverse gap-2 rounded-b-card-inner border-t border-zinc-200 bg-zinc-50/70 px-6 py-4 sm:flex-row sm:justify-end sm:gap-3">
              {footer}
            </div>
          )}
          {/* Last in DOM order so the browser's initial focus lands on the content, not on ×. */}
          {!hideClose && (
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              className="absolute top-4 right-4 inline-flex size-8 items-center justify-center rounded-control text-zinc-400 transition-colors hover:bg-zinc-100 hover:text-zinc-700"
            >
              <XIcon />
            </button>
          )}
        </div>
      )}
    </dialog>
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
