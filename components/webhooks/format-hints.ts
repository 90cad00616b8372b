import type { WebhookFormat } from "@/generated/prisma/enums";

/** What a person should know when choosing each format, beyond the defaults it fills in. */
export const formatHints: Record<WebhookFormat, string> = {
  standard:
    "Standard Webhooks: signed webhook-id / webhook-timestamp / webhook-signature headers; receivers verify with the standardwebhooks library. The signing secret needs at least 24 characters (whsec_… works).",
  codescoring:
    'CodeScoring: events within the batch window go out together as {"events": […]}; the token is sent as X-CodeScoring-Authentication. Failing for 48 h disables the webhook.',
  scorecard:
    "SecurityScorecard: one request per event with execution_id and retries; 5 s timeout. After 5 failed retries within 36 h the owner is emailed.",
  deepsource:
    "DeepSource: the body is signed with HMAC-SHA256 in x-deepsource-signature. The signing secret needs at least 16 characters. Org-level webhooks only in DeepSource itself.",
  sonarqube:
    "SonarQube: X-SonarQube-Project names the project; with a secret, X-Sonar-Webhook-HMAC-SHA256 signs the body. The URL must answer within 10 s.",
  dejacode:
    'DejaCode: the body is {"hook": {…}, "data": {…}}; extra payload is merged into it and extra headers are sent as given.',
};
