"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { LucideProvider } from "lucide-react";
import { useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {/* Icons default to 16px with a lighter stroke; a className (size-5, …) still sizes one. */}
      <LucideProvider size={16} strokeWidth={1.75} className="shrink-0">
        <ToastProvider>{children}</ToastProvider>
      </LucideProvider>
    </QueryClientProvider>
  );
}
