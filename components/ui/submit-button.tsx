"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

export interface SubmitButtonProps extends Omit<ButtonProps, "type"> {
  /** Label shown while the enclosing form's action is pending. */
  pendingLabel?: ReactNode;
}

/** Submit button that shows a spinner while its parent `<form action>` is pending. */
export function SubmitButton({ pendingLabel, loading, children, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  const busy = pending || Boolean(loading);
  return (
    <Button type="submit" loading={busy} {...props}>
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
