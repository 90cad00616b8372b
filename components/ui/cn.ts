import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

export type { ClassValue };

// The theme's own radius and shadow names (app/globals.css), so `rounded-card` gives way to
// `rounded-none` and `shadow-card` is not taken for a shadow colour.
const twMerge = extendTailwindMerge({
  extend: { theme: { radius: ["control", "card", "card-inner"], shadow: ["card", "popover", "overlay"] } },
});

/**
 * Joins class names (strings, arrays, `{ class: condition }` objects; falsy values are dropped)
 * and resolves Tailwind conflicts: the last class wins, so `cn("px-4", "px-2")` is "px-2".
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
