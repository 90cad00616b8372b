import type { InfiniteData, UseInfiniteQueryResult, UseQueryResult } from "@tanstack/react-query";
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon } from "lucide-react";
import { Fragment, type MouseEvent, type ReactNode } from "react";
import { ResourceList, type ListState } from "@/components/data/resource-list";
import { cn } from "@/components/ui/cn";
import { formatDate, formatRelative } from "@/lib/client/format";

export interface DataTableColumn<Row> {
  /** The column's header, and its key: unique within a table. */
  header: string;
  /** Say the header to screen readers only (a column of row actions). */
  hideHeader?: boolean;
  cell: (row: Row) => ReactNode;
  /** Classes for each of the column's cells; they win over the table's own (`py-2`, `first:pl-4`). */
  className?: string;
  headerClassName?: string;
  /** A cell's tooltip, e.g. the full date behind "3 hours ago". */
  title?: (row: Row) => string | undefined;
  align?: "start" | "end";
  /** The cell names its row: a <th scope="row"> instead of a <td>. */
  rowHeader?: boolean;
  /** The column sorts the table (with the table's `sort` and `onSort`): its header is a button, its aria-sort set. */
  sortKey?: string;
}

export type SortDirection = "ascending" | "descending";

/** The column the rows are sorted by, and which way. */
export interface TableSort {
  key: string;
  direction: SortDirection;
}

/** A column that may be left out: `canWrite && actionsColumn(…)`. */
export type DataTableColumns<Row> = readonly (DataTableColumn<Row> | false | null | undefined)[];

/** A row-actions column: narrow, right-aligned, its header "Actions" for screen readers only. */
export function actionsColumn<Row>(cell: (row: Row) => ReactNode): DataTableColumn<Row> {
  return {
    header: "Actions",
    hideHeader: true,
    headerClassName: "w-12",
    className: "whitespace-nowrap",
    align: "end",
    cell,
  };
}

/** A column of times as "3 hours ago", with the full date as each cell's tooltip; `none` for a row without one. */
export function timeColumn<Row>(
  header: string,
  at: (row: Row) => string | null,
  { none = "—", noneTitle }: { none?: string; noneTitle?: string } = {},
): DataTableColumn<Row> {
  return {
    header,
    className: "whitespace-nowrap text-zinc-500",
    title: (row) => {
      const time = at(row);
      return time ? formatDate(time) : noneTitle;
    },
    cell: (row) => {
      const time = at(row);
      return time ? formatRelative(time) : none;
    },
  };
}

type RowProps = { className?: string } & { [data: `data-${string}`]: string | undefined };

interface TableProps<Row> {
  /** The table's accessible name, read before its rows; not shown. */
  caption: string;
  columns: DataTableColumns<Row>;
  rows: readonly Row[];
  rowKey?: (row: Row) => string;
  /**
   * A click anywhere on a row that is not on one of its controls. A mouse shortcut only: give each
   * row a button or link that does the same for the keyboard.
   */
  onRowClick?: (row: Row) => void;
  /** Extra attributes for a row (`className`, `data-testid`). */
  rowProps?: (row: Row) => RowProps;
  /** "compact": smaller type and padding, for tables of numbers inside other content. */
  density?: "default" | "compact";
  /** Keep the header in view while the wrapper scrolls (give the wrapper a max height). */
  stickyHeader?: boolean;
  /** Classes for the wrapper, which scrolls the table sideways when it is wider than its card. */
  className?: string;
  /** How the rows (given in that order) are sorted; null: as they came. */
  sort?: TableSort | null;
  /** A sortable column's header was clicked: the screen sorts its rows and passes the new `sort`. */
  onSort?: (key: string) => void;
  /**
   * A row's details, shown in a full-width row of their own right below it (an expanded entry);
   * null: none. `id` is for the control that shows them (`aria-controls`).
   */
  detailsRow?: (row: Row) => { id: string; content: ReactNode } | null;
}

export type DataTableProps<Row> = ListState &
  Omit<TableProps<Row>, "rows" | "rowKey"> & {
    /** Undefined until the first load succeeds. */
    rows: readonly Row[] | undefined;
  } & (Row extends { id: string }
    ? { /** Default: the row's id. */ rowKey?: (row: Row) => string }
    : { rowKey: (row: Row) => string });

const densities = {
  default: {
    th: "h-10 px-4 text-xs first:pl-6 last:pr-6",
    td: "px-4 py-3 first:pl-6 last:pr-6",
  },
  compact: {
    th: "h-8 px-3 text-xs",
    td: "px-3 py-1 text-xs",
  },
};

const controls = "a, button, input, select, textarea, label, summary, [role='menuitem']";

function fromControl(event: MouseEvent) {
  return event.target instanceof Element && event.target.closest(controls) !== null;
}

/**
 * Every table of the app; a screen declares its columns. A real <table> with a caption and column
 * headers, in a wrapper that scrolls sideways when the table is wider than its card, and the
 * list's states around it (see ResourceList): loading skeleton, error, empty state, "Load more".
 */
export function DataTable<Row>({
  rows,
  caption,
  columns,
  rowKey,
  onRowClick,
  rowProps,
  density,
  stickyHeader,
  className,
  sort,
  onSort,
  detailsRow,
  ...state
}: DataTableProps<Row>) {
  const table = {
    caption,
    columns,
    rowKey,
    onRowClick,
    rowProps,
    density,
    stickyHeader,
    className,
    sort,
    onSort,
    detailsRow,
  };
  return (
    <ResourceList {...state} data={rows} isEmpty={(loaded) => loaded.length === 0}>
      {(loaded) => <Table {...table} rows={loaded} />}
    </ResourceList>
  );
}

/** A query of one page (`{ data: rows }`) as a DataTable's rows and states. */
export function listRows<Row>(query: UseQueryResult<{ data: Row[] }>) {
  return { rows: query.data?.data, isPending: query.isPending, error: query.error };
}

/** An infinite query of pages as a DataTable's rows and states: every row loaded so far, and "Load more". */
export function infiniteRows<Row>(query: UseInfiniteQueryResult<InfiniteData<{ data: Row[] }>>) {
  const { data, isPending, error, hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    rows: data?.pages.flatMap((page) => page.data),
    isPending,
    error,
    more: { hasNextPage, isFetchingNextPage, fetchNextPage },
  };
}

function Table<Row>({
  caption,
  columns,
  rows,
  rowKey = (row) => (row as { id: string }).id,
  onRowClick,
  rowProps,
  density = "default",
  stickyHeader = false,
  className,
  sort,
  onSort,
  detailsRow,
}: TableProps<Row>) {
  const shown = columns.filter((column): column is DataTableColumn<Row> => Boolean(column));
  const sizes = densities[density];
  return (
    <div
      className={cn(
        "relative w-full overflow-x-auto border-zinc-200 not-first:border-t first:rounded-t-card-inner last:rounded-b-card-inner",
        className,
      )}
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={cn("border-b border-zinc-200 bg-zinc-50/80", stickyHeader && "sticky top-0 bg-zinc-50")}>
          <tr>
            {shown.map((column) => {
              const sortable = column.sortKey !== undefined && onSort !== undefined;
              const direction = sortable && sort && sort.key === column.sortKey ? sort.direction : undefined;
              return (
                <th
                  key={column.header}
                  scope="col"
                  aria-sort={sortable ? (direction ?? "none") : undefined}
                  className={cn(
                    "font-medium whitespace-nowrap text-zinc-500",
                    sizes.th,
                    column.align === "end" && "text-right",
                    column.headerClassName,
                  )}
                >
                  {column.hideHeader ? (
                    <span className="sr-only">{column.header}</span>
                  ) : sortable ? (
                    <SortButton header={column.header} direction={direction} onClick={() => onSort(column.sortKey!)} />
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="[&>tr]:border-b [&>tr]:border-zinc-100 [&>tr:hover]:bg-zinc-50/70 [&>tr:last-child]:border-0">
          {rows.map((row) => {
            const { className: rowClassName, ...props } = rowProps?.(row) ?? {};
            const details = detailsRow?.(row) ?? null;
            return (
              <Fragment key={rowKey(row)}>
                <tr
                  className={cn("transition-colors", onRowClick && "cursor-pointer", rowClassName)}
                  onClick={
                    onRowClick
                      ? (event) => {
                          if (!fromControl(event)) onRowClick(row);
                        }
                      : undefined
                  }
                  {...props}
                >
                  {shown.map((column) => {
                    const Cell = column.rowHeader ? "th" : "td";
                    return (
                      <Cell
                        key={column.header}
                        scope={column.rowHeader ? "row" : undefined}
                        title={column.title?.(row)}
                        className={cn(
                          "align-middle text-zinc-700",
                          column.rowHeader && "font-normal",
                          sizes.td,
                          column.align === "end" && "text-right",
                          column.className,
                        )}
                      >
                        {column.cell(row)}
                      </Cell>
                    );
                  })}
                </tr>
                {details ? (
                  <tr id={details.id} className="bg-zinc-50/60">
                    <td colSpan={shown.length} className={cn(sizes.td, "pt-0")}>
                      {details.content}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SortButton({
  header,
  direction,
  onClick,
}: {
  header: string;
  direction: SortDirection | undefined;
  onClick: () => void;
}) {
  const Icon =
    direction === "ascending" ? ArrowUpIcon : direction === "descending" ? ArrowDownIcon : ChevronsUpDownIcon;
  return (
    <button
      type="button"
      onClick={onClick}
      className={cn(
        "-mx-1 inline-flex items-center gap-1 rounded px-1 font-medium hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500",
        direction && "text-zinc-900",
      )}
    >
      {header}
      <Icon aria-hidden className={cn("size-3.5", !direction && "text-zinc-400")} />
    </button>
  );
}
