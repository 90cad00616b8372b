import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { buildStandardRequest } from "@/lib/wire/formats/standard";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";
import { generateSecret } from "@/lib/wire/signing";

describe("Standard Webhooks format", () => {
  it("sends {type, timestamp, data} with the delivery id and the attempt's time", () => {
    const request = buildStandardRequest(formatInput());
    expect(parsedBody(request.body)).toEqual({
      type: "project_sca_analysis_finished",
      timestamp: "2026-03-01T09:59:58.000Z",
      data: { project_id: 7, project_name: "billing" },
    });
    expect(request.headers).toMatchObject({
      "webhook-id": "dlv_1",
      "webhook-timestamp": String(Date.parse("2026-03-01T10:05:00Z") / 1000),
    });
    expect(request.headers).not.toHaveProperty("webhook-signature");
  });

  it("signs so the official package verifies, with both secrets during a rotation", () => {
    const [current, previous] = [generateSecret(), generateSecret()];
    const input = formatInput({ secrets: [current, previous] });
    input.now = new Date();
    const request = buildStandardRequest(input);
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(request.body, request.headers)).toEqual(parsedBody(request.body));
    }
  });

  it("signs the body with the extra payload merged in", () => {
    const secret = generateSecret();
    const input = formatInput({ secrets: [secret], extraPayload: { region: "eu" } });
    input.now = new Date();
    const request = buildStandardRequest(input);
    expect(new Webhook(secret).verify(request.body, request.headers)).toMatchObject({ region: "eu" });
  });

  it("sends several events as one message of type batch, each with its id, type, timestamp and data", () => {
    const events = [
      testEvent(),
      testEvent({ id: "evt_2", type: "test", createdAt: new Date("2026-03-01T09:59:59.000Z"), payload: {} }),
    ];
    const request = buildStandardRequest(formatInput({}, events));
    expect(parsedBody(request.body)).toEqual({
      type: "batch",
      timestamp: "2026-03-01T10:00:00.000Z",
      data: {
        events: [
          {
            id: "evt_1",
            type: "project_sca_analysis_finished",
            timestamp: "2026-03-01T09:59:58.000Z",
            data: { project_id: 7, project_name: "billing" },
          },
          { id: "evt_2", type: "test", timestamp: "2026-03-01T09:59:59.000Z", data: {} },
        ],
      },
    });
  });
});
