import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { createElement, type ReactElement } from "react";
import { vi } from "vitest";
import { ToastProvider } from "@/components/ui/toast";

/**
 * Renders a client component into the test's DOM (a `// @vitest-environment happy-dom` file) with
 * the query cache filled as the API would fill it. The API never answers, so a refetch (a poll, a
 * query left empty) changes nothing: what shows is what the cache holds. Unmount with `cleanup`.
 */
export function renderWithQueries(element: ReactElement, fill: (client: QueryClient) => void = () => {}) {
  vi.stubGlobal("fetch", () => new Promise(() => {}));
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  fill(client);
  return render(createElement(QueryClientProvider, { client }, createElement(ToastProvider, null, element)));
}
