import { describe, expect, it } from "vitest";
import { buildDeepSourceRequest } from "@/lib/wire/formats/deepsource";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";
import { hmacSha256Hex } from "@/lib/wire/signing";

const analysisRun = testEvent({
  type: "analysis_run.updated",
  payload: { id: "run-1", status: "SUCCESS" },
  properties: { repository: "acme/api" },
});

describe("DeepSource format", () => {
  it("sends {id, type, createdAt (UNIX seconds), data: {object}} with the event's extra fields beside them", () => {
    const request = buildDeepSourceRequest(formatInput({ format: "deepsource" }, [analysisRun]));
    expect(parsedBody(request.body)).toEqual({
      repository: "acme/api",
      id: "dlv_1",
      type: "analysis_run.updated",
      createdAt: Date.parse("2026-03-01T09:59:58Z") / 1000,
      data: { object: { id: "run-1", status: "SUCCESS" } },
    });
  });

  it("signs the raw body with the current secret as lowercase hex in x-deepsource-signature", () => {
    const request = buildDeepSourceRequest(
      formatInput({ format: "deepsource", secrets: ["a-secret-of-16-chars", "the-previous-secret"] }, [analysisRun]),
    );
    expect(request.headers["x-deepsource-signature"]).toBe(hmacSha256Hex("a-secret-of-16-chars", request.body));
    expect(request.headers["x-deepsource-signature"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("sends no signature without a secret", () => {
    expect(buildDeepSourceRequest(formatInput({ format: "deepsource" }, [analysisRun])).headers).not.toHaveProperty(
      "x-deepsource-signature",
    );
  });
});
