import { describe, expect, it } from "vitest";
import { buildCodeScoringRequest } from "@/lib/wire/formats/codescoring";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";

describe("CodeScoring format", () => {
  it('sends {"events": [{created_at, trigger, payload}]}, every event of the batch in order', () => {
    const events = [
      testEvent(),
      testEvent({ id: "evt_2", type: "test", createdAt: new Date("2026-03-01T09:59:59.500Z"), payload: {} }),
    ];
    const request = buildCodeScoringRequest(formatInput({ format: "codescoring" }, events));
    expect(parsedBody(request.body)).toEqual({
      events: [
        {
          created_at: "2026-03-01T09:59:58.000Z",
          trigger: "project_sca_analysis_finished",
          payload: { project_id: 7, project_name: "billing" },
        },
        { created_at: "2026-03-01T09:59:59.500Z", trigger: "test", payload: {} },
      ],
    });
  });

  it("sends the token in X-CodeScoring-Authentication, not Authorization", () => {
    const request = buildCodeScoringRequest(formatInput({ format: "codescoring", token: "cs-token" }));
    expect(request.headers["x-codescoring-authentication"]).toBe("cs-token");
    expect(request.headers).not.toHaveProperty("authorization");
  });

  it("sends no token header without a token", () => {
    expect(buildCodeScoringRequest(formatInput({ format: "codescoring" })).headers).not.toHaveProperty(
      "x-codescoring-authentication",
    );
  });
});
