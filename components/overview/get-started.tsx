import { CheckIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { CurlExample, publishCommand } from "@/components/tokens/curl-example";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

const linkClassName = "font-medium text-accent-700 hover:text-accent-800";

function Step({
  number,
  done,
  title,
  children,
}: {
  number: number;
  done: boolean;
  title: string;
  children: ReactNode;
}) {
  return (
    <li className="relative flex gap-4 pb-6 last:pb-0">
      <span
        className={cn(
          "z-10 grid size-7 shrink-0 place-items-center rounded-full text-xs font-semibold ring-4 ring-surface",
          done ? "bg-emerald-600 text-white" : "border border-zinc-300 bg-surface text-zinc-600",
        )}
      >
        {done ? <CheckIcon aria-hidden className="size-3.5" /> : number}
      </span>
      <div className="min-w-0 flex-1 pt-0.5">
        <h3 className={cn("text-sm font-medium", done ? "text-zinc-500" : "text-zinc-900")}>
          {title}
          {done ? <span className="sr-only"> (done)</span> : null}
        </h3>
        <div className="mt-1 text-sm text-zinc-600">{children}</div>
      </div>
    </li>
  );
}

const exampleTrigger = "project_sca_analysis_finished";
const examplePayload = { project_id: 42, project_name: "payments-service" };

/** The path from nothing to a first delivery, each step ticked off once the org has done it. */
export function GetStarted({
  orgSlug,
  apiOrigin,
  progress,
  canManageTokens,
}: {
  orgSlug: string;
  apiOrigin: string;
  progress: { hasProject: boolean; hasWebhook: boolean; hasToken: boolean; hasEvent: boolean; hasDelivery: boolean };
  canManageTokens: boolean;
}) {
  return (
    <Card role="region" aria-label="Get started">
      <CardHeader>
        <CardTitle>Get started</CardTitle>
        <CardDescription>Five steps from nothing to your first webhook delivery.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="relative before:absolute before:top-2 before:bottom-2 before:left-3.5 before:w-px before:bg-zinc-200">
          <Step number={1} done={progress.hasProject} title="Create a project">
            Events are published per project, usually one per codebase or product.{" "}
            <Link href={`/${orgSlug}/projects`} className={linkClassName}>
              {progress.hasProject ? "View projects" : "Create a project"}
            </Link>
          </Step>
          <Step number={2} done={progress.hasWebhook} title="Add a webhook">
            The URL that receives your events, in the format its receiver expects, for the triggers it cares about.{" "}
            <Link href={`/${orgSlug}/webhooks`} className={linkClassName}>
              {progress.hasWebhook ? "View webhooks" : "Add a webhook"}
            </Link>
          </Step>
          <Step number={3} done={progress.hasToken} title="Create an API token">
            {canManageTokens ? (
              <>
                Give it the <span className="font-mono text-[13px]">events:write</span> scope so it can publish.{" "}
                <Link href={`/${orgSlug}/tokens`} className={linkClassName}>
                  {progress.hasToken ? "Manage API tokens" : "Create a token"}
                </Link>
              </>
            ) : (
              <>
                Ask an admin of this organization for a token with the{" "}
                <span className="font-mono text-[13px]">events:write</span> scope.
              </>
            )}
          </Step>
          <Step number={4} done={progress.hasEvent} title="Publish an event">
            <p>
              Put the token in <span className="font-mono text-[13px]">WEBHOOK_HUB_TOKEN</span> and publish one of your{" "}
              <Link href={`/${orgSlug}/triggers`} className={linkClassName}>
                triggers
              </Link>
              :
            </p>
            <CurlExample
              command={publishCommand(apiOrigin, "$WEBHOOK_HUB_TOKEN", exampleTrigger, examplePayload)}
              className="mt-3"
            />
          </Step>
          <Step number={5} done={progress.hasDelivery} title="See it arrive">
            Every webhook whose triggers and projects match gets a delivery; its page shows each attempt, request and
            response.
          </Step>
        </ol>
      </CardContent>
    </Card>
  );
}
