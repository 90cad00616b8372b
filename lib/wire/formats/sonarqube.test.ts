import { describe, expect, it } from "vitest";
import { buildSonarQubeRequest } from "@/lib/wire/formats/sonarqube";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";
import { hmacSha256Hex } from "@/lib/wire/signing";

const analysis = {
  serverUrl: "http://localhost:9000",
  taskId: "AVh21JS2JepAEhwQ-b3u",
  status: "SUCCESS",
  project: { key: "myproject", name: "My Project" },
  properties: {},
  qualityGate: { name: "SonarQube way", status: "OK", conditions: [] },
};
const analysisEvent = testEvent({
  type: "analysis.completed",
  payload: analysis,
  properties: { "sonar.analysis.buildNumber": "12345" },
  projectKey: "myproject",
});

describe("SonarQube format", () => {
  it("sends the analysis as the body, with the producer's properties under properties", () => {
    const request = buildSonarQubeRequest(
      formatInput({ format: "sonarqube", projectKey: "myproject" }, [analysisEvent]),
    );
    expect(parsedBody(request.body)).toEqual({ ...analysis, properties: { "sonar.analysis.buildNumber": "12345" } });
    expect(request.headers["x-sonarqube-project"]).toBe("myproject");
  });

  it("keeps properties the payload already carries, the event's winning on a clash", () => {
    const event = testEvent({
      payload: { properties: { "sonar.analysis.branch": "main", "sonar.analysis.buildNumber": "1" } },
      properties: { "sonar.analysis.buildNumber": "2" },
    });
    expect(parsedBody(buildSonarQubeRequest(formatInput({ format: "sonarqube" }, [event])).body).properties).toEqual({
      "sonar.analysis.branch": "main",
      "sonar.analysis.buildNumber": "2",
    });
  });

  it("always sends a properties object", () => {
    expect(parsedBody(buildSonarQubeRequest(formatInput({ format: "sonarqube" })).body).properties).toEqual({});
  });

  it("names the project from the event's project, else from the analysis itself", () => {
    expect(
      buildSonarQubeRequest(formatInput({ format: "sonarqube", projectKey: "hub-project" }, [analysisEvent])).headers[
        "x-sonarqube-project"
      ],
    ).toBe("hub-project");
    expect(
      buildSonarQubeRequest(formatInput({ format: "sonarqube" }, [{ ...analysisEvent, projectKey: null }])).headers[
        "x-sonarqube-project"
      ],
    ).toBe("myproject");
    expect(buildSonarQubeRequest(formatInput({ format: "sonarqube" })).headers).not.toHaveProperty(
      "x-sonarqube-project",
    );
  });

  it("signs the body with a secret as lowercase hex in X-Sonar-Webhook-HMAC-SHA256", () => {
    const request = buildSonarQubeRequest(
      formatInput({ format: "sonarqube", secrets: ["your_secret"] }, [analysisEvent]),
    );
    expect(request.headers["x-sonar-webhook-hmac-sha256"]).toBe(hmacSha256Hex("your_secret", request.body));
    expect(buildSonarQubeRequest(formatInput({ format: "sonarqube" }, [analysisEvent])).headers).not.toHaveProperty(
      "x-sonar-webhook-hmac-sha256",
    );
  });
});
