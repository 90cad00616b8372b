import { ChevronDownIcon } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClassName } from "./input";

export interface SelectProps extends ComponentProps<"select"> {
  /** Classes for the wrapping element (width, margins). `className` goes on the <select>. */
  wrapperClassName?: string;
}

/**
 * Native <select> with a custom chevron. Pass <option> elements as children. Native on purpose,
 * not a Radix Select: phones open their own picker for it, it works before hydration, and screen
 * readers and voice control all know it; our options are plain text, which it shows well.
 */
export function Select({ className, wrapperClassName, multiple, ...props }: SelectProps) {
  if (multiple) {
    return <select multiple className={cn(controlClassName, "px-2 py-1.5", className)} {...props} />;
  }
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select className={cn(controlClassName, "h-9 appearance-none truncate pr-9 pl-3", className)} {...props} />
      <ChevronDownIcon
        className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-zinc-500"
        strokeWidth={2}
      />
    </div>
  );
}
