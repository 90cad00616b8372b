import { SendIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { EventType } from "@/lib/event-types/queries";

/** A trigger's "Send example": off, saying why, for a trigger with no example payload to send. */
export function SendExampleAction({ trigger, onClick }: { trigger: EventType; onClick: () => void }) {
  const reasonId = useId();
  const noExample = trigger.examplePayload === null;
  return (
    <span className="flex items-center gap-2">
      {noExample ? (
        <span id={reasonId} className="text-xs text-zinc-500">
          No example payload to send
        </span>
      ) : null}
      <Button
        variant="ghost"
        size="sm"
        onClick={onClick}
        disabled={noExample}
        aria-label={`Send example of ${trigger.name}`}
        aria-describedby={noExample ? reasonId : undefined}
      >
        <SendIcon aria-hidden />
        Send example
      </Button>
    </span>
  );
}
