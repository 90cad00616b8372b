import { hmacSha256Hex } from "@/lib/wire/signing";
import { jsonRequest, singleEvent, type FormatEvent, type FormatInput } from "@/lib/wire/formats/request";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The project key: the event's project in the hub, else the one SonarQube's own payload names. */
function projectKeyOf(input: FormatInput, event: FormatEvent): string | null {
  const project = event.payload.project;
  const payloadKey = isObject(project) && typeof project.key === "string" ? project.key : null;
  return input.webhook.projectKey ?? event.projectKey ?? payloadKey;
}

/**
 * SonarQube: the analysis payload itself is the body, with the producer's properties (e.g.
 * `sonar.analysis.buildNumber`) under `properties`; `X-SonarQube-Project` names the project and,
 * with a secret, `X-Sonar-Webhook-HMAC-SHA256` signs the body (current secret; one value fits).
 */
export function buildSonarQubeRequest(input: FormatInput) {
  const event = singleEvent(input);
  const [secret] = input.webhook.secrets;
  const projectKey = projectKeyOf(input, event);
  const ownProperties = isObject(event.payload.properties) ? event.payload.properties : {};
  return jsonRequest(
    input.webhook,
    { ...event.payload, properties: { ...ownProperties, ...event.properties } },
    {
      signedHeaders: (body) => ({
        ...(projectKey ? { "x-sonarqube-project": projectKey } : {}),
        ...(secret ? { "x-sonar-webhook-hmac-sha256": hmacSha256Hex(secret, body) } : {}),
      }),
    },
  );
}
