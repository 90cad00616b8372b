import type { ReactNode } from "react";
import { CodeBlock } from "@/components/deliveries/code-block";
import { HeadersList } from "@/components/deliveries/headers-list";
import { describeOutcome, formatDuration } from "@/components/deliveries/outcome";
import type { Attempt } from "@/components/deliveries/queries";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/client/format";

const triggers: Record<Attempt["trigger"], string> = {
  scheduled: "Scheduled",
  manual: "Manual retry",
  test: "Test event",
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-2">
      <h4 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h4>
      {children}
    </div>
  );
}

function Request({ attempt }: { attempt: Attempt }) {
  return (
    <Part title="Request">
      <p className="font-mono text-xs break-all text-zinc-800">
        <span className="font-semibold">POST</span> {attempt.requestUrl}
      </p>
      <HeadersList headers={attempt.requestHeaders} label={`Attempt ${attempt.number} request headers`} />
      <CodeBlock text={attempt.requestBody} label={`Attempt ${attempt.number} request body`} />
    </Part>
  );
}

function Response({ attempt }: { attempt: Attempt }) {
  if (attempt.responseStatus === null) {
    return (
      <Part title="Response">
        <p className="text-sm text-red-700">
          No response
          {attempt.errorClass ? (
            <>
              {" "}
              — <code className="font-mono text-xs">{attempt.errorClass}</code>
            </>
          ) : null}
          {attempt.errorMessage ? `: ${attempt.errorMessage}` : null}
        </p>
      </Part>
    );
  }
  return (
    <Part title="Response">
      <p className="text-sm text-zinc-800">
        HTTP <span className="font-semibold">{attempt.responseStatus}</span>
        {attempt.errorMessage ? <span className="text-zinc-500"> — {attempt.errorMessage}</span> : null}
      </p>
      <HeadersList headers={attempt.responseHeaders} label={`Attempt ${attempt.number} response headers`} />
      <CodeBlock text={attempt.responseBody ?? ""} label={`Attempt ${attempt.number} response body`} />
      {attempt.responseTruncated ? (
        <p className="text-xs text-amber-700">Truncated: only the first 100 KB of the response body was kept.</p>
      ) : null}
    </Part>
  );
}

/** One HTTP try: when and why it was sent, what went out (secrets masked) and what came back. */
export function AttemptDetails({ attempt, open }: { attempt: Attempt; open: boolean }) {
  return (
    <details open={open} className="group rounded-card-inner border border-zinc-200" data-testid="attempt">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
        <h3 className="font-medium text-zinc-900">
          Attempt {attempt.number}
          {attempt.followUp > 0 ? (
            <span className="font-normal text-zinc-500"> · follow-up request {attempt.followUp}</span>
          ) : null}
        </h3>
        <Badge tone={attempt.success ? "success" : "danger"} dot>
          {describeOutcome(attempt.responseStatus, attempt.errorClass)}
        </Badge>
        <Badge>{triggers[attempt.trigger]}</Badge>
        <span className="text-zinc-500 tabular-nums">{formatDuration(attempt.durationMs)}</span>
        <span className="ml-auto text-xs text-zinc-500">{formatDate(attempt.createdAt)}</span>
      </summary>
      <div className="grid gap-5 border-t border-zinc-200 px-4 py-4">
        <Request attempt={attempt} />
        <Response attempt={attempt} />
      </div>
    </details>
  );
}
