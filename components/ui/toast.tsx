"use client";

import { CircleExclamationPointIcon, CircleCheckIcon, InfoIcon, XIcon, type LucideIcon } from "lucide-react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "success" | "error" | "info";

export interface ToastOptions {
  title: ReactNode;
  description?: ReactNode;
  tone?: ToastTone;
  /** Milliseconds before auto-dismiss. Default 4000. */
  duration?: number;
}

interface ToastItem extends Required<Pick<ToastOptions, "tone" | "duration">> {
  id: number;
  title: ReactNode;
  description?: ReactNode;
}

interface ToastContextValue {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastContextValue | null>(null);

export function useToast(): ToastContextValue {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast() must be used inside <ToastProvider>.");
  return ctx;
}

const MAX_TOASTS = 4;

/** Provides useToast() and renders the toast stack (bottom-right). Mount once near the root. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    const id = ++nextId.current;
    const item: ToastItem = {
      id,
      title: options.title,
      description: options.description,
      tone: options.tone ?? "info",
      duration: options.duration ?? 4000,
    };
    setToasts((list) => [...list, item].slice(-MAX_TOASTS));
  }, []);

  const value = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext value={value}>
      {children}
      {/* Always mounted so screen readers observe the live region before toasts arrive. */}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed right-4 bottom-4 z-100 flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2"
      >
        {toasts.map((t) => (
          <Toast key={t.id} item={t} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext>
  );
}

const toneStyles: Record<ToastTone, { icon: string; Icon: LucideIcon }> = {
  success: { icon: "text-emerald-600 dark:text-emerald-400", Icon: CircleCheckIcon },
  error: { icon: "text-red-600 dark:text-red-400", Icon: CircleExclamationPointIcon },
  info: { icon: "text-accent-600 dark:text-accent-400", Icon: InfoIcon },
};

function Toast({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const { icon, Icon } = toneStyles[item.tone];

  useEffect(() => {
    if (paused) return;
    // Restarts the full duration after hover; simpler than tracking remaining time.
    const timer = setTimeout(() => onDismiss(item.id), item.duration);
    return () => clearTimeout(timer);
  }, [paused, item.id, item.duration, onDismiss]);

  return (
    <div
      data-tone={item.tone}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-card border border-zinc-200 bg-surface p-4 shadow-popover",
        "transition-[opacity,translate] duration-200 starting:translate-y-2 starting:opacity-0",
      )}
    >
      <Icon className={cn("mt-0.5", icon)} />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <p className="text-sm font-medium text-zinc-900">{item.title}</p>
        {item.description && <p className="text-sm break-words text-zinc-500">{item.description}</p>}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        aria-label="Dismiss notification"
        className="-m-1 inline-flex size-6 shrink-0 items-center justify-center rounded-md text-zinc-400 transition-colors hover:bg-zinc-100 hover:text-zinc-700"
      >
        <XIcon className="size-3.5" />
      </button>
    </div>
  );
}
