"use client";

import { CheckIcon, CopyIcon } from "lucide-react";
import { useEffect, useState } from "react";
import { Button, type ButtonProps } from "./button";

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children" | "loading"> {
  /** Text written to the clipboard. */
  value: string;
  /** Button text before copying. Default "Copy". */
  label?: string;
  /** Render only the icon (label becomes the aria-label). */
  iconOnly?: boolean;
  onCopied?: () => void;
}

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Fall through: clipboard API can be blocked (permissions, insecure origin).
    }
  }
  const el = document.createElement("textarea");
  el.value = text;
  el.setAttribute("readonly", "");
  el.style.position = "fixed";
  el.style.opacity = "0";
  document.body.appendChild(el);
  el.select();
  try {
    document.execCommand("copy");
  } finally {
    el.remove();
  }
}

export function CopyButton({
  value,
  label = "Copy",
  iconOnly = false,
  onCopied,
  variant = "secondary",
  size = "sm",
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const text = copied ? "Copied" : label;
  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      aria-label={iconOnly ? text : undefined}
      onClick={async () => {
        await writeClipboard(value);
        setCopied(true);
        onCopied?.();
      }}
      {...props}
    >
      {copied ? <CheckIcon className="text-emerald-600 dark:text-emerald-400" /> : <CopyIcon />}
      {!iconOnly && <span aria-live="polite">{text}</span>}
    </Button>
  );
}
