import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared look for text-like controls (Input, Textarea, Select). */
export const controlClassName =
  "block w-full rounded-control border border-zinc-300 bg-surface text-sm text-zinc-900 shadow-xs " +
  "placeholder:text-zinc-400 transition-[border-color,box-shadow] " +
  "hover:border-zinc-400/80 focus:border-accent-500 focus:outline-hidden focus:ring-3 focus:ring-accent-500/20 " +
  "disabled:cursor-not-allowed disabled:border-zinc-200 disabled:bg-zinc-50 disabled:text-zinc-500 " +
  "aria-invalid:border-red-500 aria-invalid:focus:border-red-500 aria-invalid:focus:ring-red-500/20";

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClassName, "h-9 px-3", className)} {...props} />;
}
