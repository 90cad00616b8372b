import { CodeBlock } from "@/components/deliveries/code-block";
import { describeOutcome, formatDuration } from "@/components/deliveries/outcome";
import type { ProbeResult } from "@/components/deliveries/queries";
import { Alert } from "@/components/ui/alert";

/** What a test event got back: status and latency, the start of the response, or why there was none. */
export function ProbeResultView({ result }: { result: ProbeResult }) {
  const headline = `${describeOutcome(result.status, result.errorClass)} in ${formatDuration(result.durationMs)}`;
  return (
    <Alert
      tone={result.success ? "success" : "danger"}
      title={result.success ? `Success: ${headline}` : `Failed: ${headline}`}
      data-testid="probe-result"
    >
      <div className="grid grid-cols-1 gap-2">
        {result.errorMessage ? <p>{result.errorMessage}</p> : null}
        {result.status !== null && !result.success ? <p>Only a 2xx answer counts as success.</p> : null}
        {result.responseExcerpt !== null ? (
          <CodeBlock text={result.responseExcerpt} label="Response excerpt" className="max-h-40 bg-surface/70" />
        ) : null}
      </div>
    </Alert>
  );
}
