"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

export interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  message?: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** `danger` uses a red confirm button (for destructive actions). */
  tone?: "default" | "danger";
  /** May return a promise; the dialog shows a pending state until it settles. */
  onConfirm: () => void | Promise<void>;
  /** External pending flag (e.g. from useTransition). */
  pending?: boolean;
  /** The confirm button stays off, e.g. while what it would act on is still being counted. */
  confirmDisabled?: boolean;
  /** Optional extra content below the message (e.g. an error Alert). */
  children?: ReactNode;
}

export function ConfirmDialog({
  open,
  onClose,
  title,
  message,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  tone = "default",
  onConfirm,
  pending = false,
  confirmDisabled = false,
  children,
}: ConfirmDialogProps) {
  const [running, setRunning] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const busy = pending || running;

  async function handleConfirm() {
    const result = onConfirm();
    if (!(result instanceof Promise)) return;
    setRunning(true);
    try {
      await result;
    } finally {
      setRunning(false);
    }
  }

  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!busy) onClose();
      }}
      title={title}
      description={message}
      size="sm"
      hideClose={busy}
      // Cancel first: an Enter pressed on arrival must not confirm.
      initialFocus={cancelRef}
      footer={
        <>
          <Button ref={cancelRef} type="button" variant="secondary" onClick={onClose} disabled={busy}>
            {cancelLabel}
          </Button>
          <Button
            type="button"
            variant={tone === "danger" ? "danger" : "primary"}
            onClick={handleConfirm}
            loading={busy}
            disabled={confirmDisabled}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
