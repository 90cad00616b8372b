import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SkeletonText } from "@/components/ui/skeleton";

/** The query behind a list: absent for data that is already there. */
type QueryState =
  | { isPending?: undefined; error?: undefined; errorTitle?: undefined }
  | { isPending: boolean; error: Error | null; errorTitle: string };

export type ListState = QueryState & {
  /** Shown instead of the list when it is empty; without it an empty table shows. */
  empty?: ReactNode;
  skeletonLines?: number;
  /** For infinite lists: a "Load more" button while there are more pages. */
  more?: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  /**
   * true (the default): the list is a card of its own. false: it sits in a Card of the caller's,
   * after its CardHeader, or in another frame.
   */
  framed?: boolean;
};

export type ResourceListProps<Data> = ListState & {
  /** Undefined until the first load succeeds. */
  data: Data | undefined;
  isEmpty: (data: Data) => boolean;
  /** The list for the loaded data. */
  children: (data: Data) => ReactNode;
};

/** Every list screen's states in one place: error, loading skeleton, empty state, the list, load more. */
export function ResourceList<Data>({
  isPending = false,
  error = null,
  data,
  isEmpty,
  errorTitle,
  empty,
  skeletonLines = 4,
  more,
  framed = true,
  children,
}: ResourceListProps<Data>) {
  // Inside the caller's card, the alert and skeleton get the card's padding.
  const padded = (node: ReactNode) => (framed ? node : <div className="px-6 pb-5">{node}</div>);
  return (
    <>
      {error
        ? padded(
            <Alert tone="danger" title={errorTitle}>
              {error.message}
            </Alert>,
          )
        : null}
      {isPending ? (
        framed ? (
          <Card className="p-6">
            <SkeletonText lines={skeletonLines} />
          </Card>
        ) : (
          padded(<SkeletonText lines={skeletonLines} />)
        )
      ) : data === undefined ? null : isEmpty(data) && empty ? (
        empty
      ) : framed ? (
        <Card>{children(data)}</Card>
      ) : (
        children(data)
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
