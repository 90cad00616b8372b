export type ClassValue = string | number | false | null | undefined;

/**
 * Joins class names, dropping falsy values. It does not resolve Tailwind
 * conflicts, so pass additive classes rather than overrides of a primitive's
 * built-in ones (e.g. `w-full` is fine, `px-2` on a Button is not reliable).
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(" ");
}
