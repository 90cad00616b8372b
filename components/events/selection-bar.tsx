import { ReplaySelectedButton } from "@/components/events/replay-selected";
import { Button } from "@/components/ui/button";

/** The deliveries picked so far across the events opened, with the replay and a way to start over. */
export function SelectionBar({
  count,
  onReplay,
  onClear,
}: {
  count: number;
  onReplay: () => void;
  onClear: () => void;
}) {
  if (count === 0) return null;
  return (
    <div
      data-testid="delivery-selection"
      className="mb-4 flex flex-wrap items-center gap-3 rounded-card border border-accent-200 bg-accent-50 px-4 py-2.5 text-sm text-zinc-800"
    >
      <span className="font-medium">{count === 1 ? "1 delivery selected" : `${count} deliveries selected`}</span>
      <span className="ml-auto flex flex-wrap gap-2">
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear selection
        </Button>
        <ReplaySelectedButton size="sm" count={count} onClick={onReplay} />
      </span>
    </div>
  );
}
