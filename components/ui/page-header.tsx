import Link from "next/link";
import { Fragment, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";

export interface PageHeaderProps extends Omit<ComponentProps<"header">, "title"> {
  title: ReactNode;
  description?: ReactNode;
  /** Right-aligned slot for primary page actions. */
  actions?: ReactNode;
  /** Rendered above the title, e.g. <Breadcrumbs>. */
  breadcrumb?: ReactNode;
}

/** Top of a page: breadcrumb, h1, description and actions. Includes bottom margin. */
export function PageHeader({ title, description, actions, breadcrumb, className, ...props }: PageHeaderProps) {
  return (
    <header className={cn("mb-8", className)} {...props}>
      {breadcrumb && <div className="mb-3">{breadcrumb}</div>}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 grid-cols-1 gap-1">
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
          {description && <p className="max-w-2xl text-sm text-zinc-500">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}

export interface BreadcrumbItem {
  label: ReactNode;
  /** Omit for the current page. */
  href?: string;
}

export function Breadcrumbs({ items, className }: { items: BreadcrumbItem[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={className}>
      <ol className="flex flex-wrap items-center gap-1.5 text-sm text-zinc-500">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <Fragment key={i}>
              <li className="min-w-0">
                {item.href && !last ? (
                  <Link href={item.href} className="rounded-sm transition-colors hover:text-zinc-900">
                    {item.label}
                  </Link>
                ) : (
                  <span
                    aria-current={last ? "page" : undefined}
                    className={cn("block truncate", last && "text-zinc-900")}
                  >
                    {item.label}
                  </span>
                )}
              </li>
              {!last && (
                <li aria-hidden className="text-zinc-300">
                  /
                </li>
              )}
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
