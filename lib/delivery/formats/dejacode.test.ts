import { describe, expect, it } from "vitest";
import { buildDejaCodeRequest } from "@/lib/delivery/formats/dejacode";
import { formatInput, parsedBody, testEvent } from "@/lib/delivery/formats/test-input";

const requestAdded = testEvent({ type: "request.added", payload: { uuid: "fbc77986", title: "New vulnerability detected", status: "open" } });

describe("DejaCode format", () => {
  it("sends {hook: {uuid, event, target}, data}", () => {
    const request = buildDejaCodeRequest(formatInput({ format: "dejacode" }, [requestAdded]));
    expect(parsedBody(request.body)).toEqual({
      hook: { uuid: "wh_1", event: "request.added", target: "https://receiver.example/hook" },
      data: { uuid: "fbc77986", title: "New vulnerability detected", status: "open" },
    });
  });

  it("lets the extra payload replace a top-level field, as DejaCode's payload.update() does", () => {
    const request = buildDejaCodeRequest(formatInput({ format: "dejacode", extraPayload: { hook: "custom", team: "security" } }, [requestAdded]));
    expect(parsedBody(request.body)).toMatchObject({ hook: "custom", team: "security", data: { uuid: "fbc77986" } });
  });
});
