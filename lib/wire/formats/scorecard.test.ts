import { describe, expect, it } from "vitest";
import { buildScorecardRequest } from "@/lib/wire/formats/scorecard";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";

const scoreChanged = testEvent({
  id: "evt_9",
  type: "scorecard.score_changed",
  payload: { scorecard_id: "sc-1", domain: "example.com" },
});

describe("SecurityScorecard format", () => {
  it("sends the event's own fields beside execution_id, created_at, retries, trigger and webhooks", () => {
    const request = buildScorecardRequest(formatInput({ format: "scorecard" }, [scoreChanged], 2));
    expect(parsedBody(request.body)).toEqual({
      scorecard_id: "sc-1",
      domain: "example.com",
      execution_id: "dlv_1",
      created_at: "2026-03-01T10:00:00.000Z",
      retries: 2,
      trigger: { type: "scorecard.score_changed", event_id: "evt_9", created_at: "2026-03-01T09:59:58.000Z" },
      webhooks: [],
    });
  });

  it("keeps execution_id and created_at across retries, counting only retries", () => {
    const bodies = [0, 1, 5].map((retries) =>
      parsedBody(buildScorecardRequest(formatInput({ format: "scorecard" }, [scoreChanged], retries)).body),
    );
    expect(new Set(bodies.map((body) => body.execution_id))).toEqual(new Set(["dlv_1"]));
    expect(new Set(bodies.map((body) => body.created_at))).toEqual(new Set(["2026-03-01T10:00:00.000Z"]));
    expect(bodies.map((body) => body.retries)).toEqual([0, 1, 5]);
  });

  it("does not let the event's fields replace the execution's", () => {
    const event = testEvent({ payload: { execution_id: "spoofed", retries: 99, domain: "example.com" } });
    expect(parsedBody(buildScorecardRequest(formatInput({ format: "scorecard" }, [event])).body)).toMatchObject({
      execution_id: "dlv_1",
      retries: 0,
      domain: "example.com",
    });
  });
});
