import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { TokenStatus } from "@/lib/tokens/queries";

const tones: Record<TokenStatus, BadgeTone> = { active: "success", revoked: "neutral", expired: "warning" };
const labels: Record<TokenStatus, string> = { active: "Active", revoked: "Revoked", expired: "Expired" };

export function TokenStatusBadge({ status }: { status: TokenStatus }) {
  return (
    <Badge tone={tones[status]} dot>
      {labels[status]}
    </Badge>
  );
}
