import { CheckIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { CurlExample, curlCommand } from "@/components/tokens/curl-example";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const linkClassName = "font-medium text-accent-700 hover:text-accent-800";

function Step({ number, done, title, children }: { number: number; done: boolean; title: string; children: ReactNode }) {
  return (
    <li className="relative flex gap-4 pb-6 last:pb-0">
      <span
        className={cn(
          "z-10 grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold ring-4 ring-white",
          done ? "bg-emerald-600 text-white" : "border border-zinc-300 bg-white text-zinc-600",
        )}
      >
        {done ? <CheckIcon className="size-3.5" role="img" aria-label="Done" /> : number}
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <h3 className={cn("text-sm font-medium", done ? "text-zinc-500" : "text-zinc-900")}>{title}</h3>
        <div className="mt-1 text-sm text-zinc-600">{children}</div>
      </div>
    </li>
  );
}

export function GetStarted({
  orgSlug,
  apiOrigin,
  hasProject,
  hasToken,
  canManageTokens,
}: {
  orgSlug: string;
  apiOrigin: string;
  hasProject: boolean;
  hasToken: boolean;
  canManageTokens: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Get started</CardTitle>
        <CardDescription>Three steps from nothing to your first API call.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="relative before:absolute before:top-2 before:bottom-2 before:left-3.5 before:w-px before:bg-zinc-200">
          <Step number={1} done={hasProject} title="Create a project">
            Events are published per project, usually one per codebase or product.{" "}
            <Link href={`/${orgSlug}/projects`} className={linkClassName}>
              {hasProject ? "View projects" : "Create a project"}
            </Link>
          </Step>
          <Step number={2} done={hasToken} title="Create an API token">
            {canManageTokens ? (
              <>
                Give it the <span className="font-mono text-[13px]">projects:read</span> scope, and more as you need them.{" "}
                <Link href={`/${orgSlug}/tokens`} className={linkClassName}>
                  {hasToken ? "Manage API tokens" : "Create a token"}
                </Link>
              </>
            ) : (
              <>Ask an admin of this organization for a token with the <span className="font-mono text-[13px]">projects:read</span> scope.</>
            )}
          </Step>
          <Step number={3} done={false} title="Call the API">
            <p>
              Put the token in <span className="font-mono text-[13px]">WEBHOOK_HUB_TOKEN</span> and list your projects:
            </p>
            <CurlExample command={curlCommand(apiOrigin, "$WEBHOOK_HUB_TOKEN")} className="mt-3" />
          </Step>
        </ol>
      </CardContent>
    </Card>
  );
}
