import Link from "next/link";
import { ProbeResultView } from "@/components/deliveries/probe-result";
import type { ProbeResult } from "@/components/deliveries/queries";

export interface SentExample {
  eventType: string;
  result: ProbeResult;
}

/**
 * What an example event got back: status and latency, or why there was no answer, in words. The
 * region is there before the result, so a screen reader announces it when it arrives. `webhook`
 * names where it went, with a link, when the page is not that webhook's own.
 */
export function SentExampleResult({
  sent,
  webhook,
}: {
  sent: SentExample | null;
  webhook?: { name: string; href: string };
}) {
  return (
    <div aria-live="polite">
      {sent ? (
        <div className="grid grid-cols-1 gap-2">
          <p className="text-sm text-zinc-600">
            Sent <code className="font-mono">{sent.eventType}</code>
            {webhook ? (
              <>
                {" "}
                to{" "}
                <Link href={webhook.href} className="font-medium text-accent-700 hover:underline">
                  {webhook.name}
                </Link>
              </>
            ) : null}
            :
          </p>
          <ProbeResultView result={sent.result} />
        </div>
      ) : null}
    </div>
  );
}
