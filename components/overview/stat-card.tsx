import { ChevronRightIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

const numberFormat = new Intl.NumberFormat("en");

/** One headline number; the whole card links to its screen when `href` is given. */
export function StatCard({
  label,
  value,
  icon,
  href,
}: {
  label: string;
  value: number;
  icon: ReactNode;
  href?: string;
}) {
  const body = (
    <>
      <div className="flex items-center justify-between text-zinc-500">
        <span className="text-sm font-medium">{label}</span>
        <span className="grid size-8 place-items-center rounded-control bg-zinc-50 text-zinc-400 ring-1 ring-zinc-200">
          {icon}
        </span>
      </div>
      <div className="mt-3 flex items-end justify-between">
        <span className="text-3xl font-semibold tracking-tight text-zinc-900 tabular-nums">
          {numberFormat.format(value)}
        </span>
        {href ? (
          <ChevronRightIcon className="mb-1 text-zinc-300 transition-colors group-hover:text-accent-600 dark:group-hover:text-accent-400" />
        ) : null}
      </div>
    </>
  );
  return (
    <Card className="relative">
      {href ? (
        <Link href={href} className="group block rounded-card p-5 transition-colors hover:bg-zinc-50/70">
          {body}
        </Link>
      ) : (
        <div className="p-5">{body}</div>
      )}
    </Card>
  );
}
