import type { ReactNode } from "react";

export function Subheading({ children }: { children: ReactNode }) {
  return <h4 className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{children}</h4>;
}
