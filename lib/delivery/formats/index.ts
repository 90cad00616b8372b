import type { WebhookFormat } from "@/generated/prisma/enums";
import type { OutgoingRequest } from "@/lib/delivery/sender";
import { buildCodeScoringRequest } from "@/lib/delivery/formats/codescoring";
import { buildDeepSourceRequest } from "@/lib/delivery/formats/deepsource";
import { buildDejaCodeRequest } from "@/lib/delivery/formats/dejacode";
import type { FormatInput } from "@/lib/delivery/formats/request";
import { buildScorecardRequest } from "@/lib/delivery/formats/scorecard";
import { buildSonarQubeRequest } from "@/lib/delivery/formats/sonarqube";
import { buildStandardRequest } from "@/lib/delivery/formats/standard";

export type { FormatEvent, FormatInput } from "@/lib/delivery/formats/request";

const builders: Record<WebhookFormat, (input: FormatInput) => OutgoingRequest> = {
  standard: buildStandardRequest,
  codescoring: buildCodeScoringRequest,
  scorecard: buildScorecardRequest,
  deepsource: buildDeepSourceRequest,
  sonarqube: buildSonarQubeRequest,
  dejacode: buildDejaCodeRequest,
};

/** The HTTP request a webhook's format makes of a delivery's events, signed and ready to send. */
export function buildRequest(input: FormatInput): OutgoingRequest {
  return builders[input.webhook.format](input);
}

export { batchingFormats } from "@/lib/webhooks/presets";
