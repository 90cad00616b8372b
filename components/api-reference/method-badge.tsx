import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const tones: Record<string, BadgeTone> = {
  GET: "info",
  POST: "success",
  PUT: "warning",
  PATCH: "warning",
  DELETE: "danger",
};

export function MethodBadge({ method, className }: { method: string; className?: string }) {
  return (
    <Badge tone={tones[method] ?? "neutral"} className={cn("w-16 justify-center font-mono", className)}>
      {method}
    </Badge>
  );
}
