import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SkeletonText } from "@/components/ui/skeleton";

export interface ResourceListProps<Data> {
  isPending: boolean;
  error: Error | null;
  /** Undefined until the first load succeeds. */
  data: Data | undefined;
  isEmpty: (data: Data) => boolean;
  errorTitle: string;
  /** Shown instead of the table when the list is empty; without it an empty table shows. */
  empty?: ReactNode;
  skeletonLines?: number;
  /** For infinite lists: a "Load more" button while there are more pages. */
  more?: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /** The table for the loaded data, rendered inside a card. */
  children: (data: Data) => ReactNode;
}

/** Every list screen's states in one place: error, loading skeleton, empty state, table, load more. */
export function ResourceList<Data>({ isPending, error, data, isEmpty, errorTitle, empty, skeletonLines = 4, more, children }: ResourceListProps<Data>) {
  return (
    <>
      {error ? (
        <Alert tone="danger" title={errorTitle}>
          {error.message}
        </Alert>
      ) : null}
      {isPending ? (
        <Card className="p-6">
          <SkeletonText lines={skeletonLines} />
        </Card>
      ) : data === undefined ? null : isEmpty(data) && empty ? (
        empty
      ) : (
        <Card>{children(data)}</Card>
      )}
      {more?.hasNextPage ? (
        <div className="mt-4 flex justify-center">
          <Button variant="secondary" loading={more.isFetchingNextPage} onClick={() => void more.fetchNextPage()}>
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}
