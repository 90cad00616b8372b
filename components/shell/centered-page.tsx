import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";

/** The signed-out look (logo over a narrow centered column) for pages outside the dashboard. */
export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-md">{children}</div>
    </div>
  );
}
