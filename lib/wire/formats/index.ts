import type { WebhookFormat } from "@/generated/prisma/enums";
import type { OutgoingRequest } from "@/lib/wire/sender";
import { buildCodeScoringRequest } from "@/lib/wire/formats/codescoring";
import { buildDeepSourceRequest } from "@/lib/wire/formats/deepsource";
import { buildDejaCodeRequest } from "@/lib/wire/formats/dejacode";
import type { FormatInput } from "@/lib/wire/formats/request";
import { buildScorecardRequest } from "@/lib/wire/formats/scorecard";
import { buildSonarQubeRequest } from "@/lib/wire/formats/sonarqube";
import { buildStandardRequest } from "@/lib/wire/formats/standard";

export type { FormatEvent, FormatInput } from "@/lib/wire/formats/request";

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
