import { describe, expect, it } from "vitest";
import { buildDejaCodeRequest, hookUuid } from "@/lib/wire/formats/dejacode";
import { formatInput, parsedBody, testEvent } from "@/lib/wire/formats/test-input";

const requestAdded = testEvent({
  type: "request.added",
  payload: { uuid: "fbc77986", title: "New vulnerability detected", status: "open" },
});
const webhookId = "wh_22c9203fe90b4135a142583ef4f41e72";

describe("DejaCode format", () => {
  it("sends {hook: {uuid, event, target}, data}, the webhook's id spelled as the UUID it is", () => {
    const request = buildDejaCodeRequest(formatInput({ format: "dejacode", id: webhookId }, [requestAdded]));
    expect(parsedBody(request.body)).toEqual({
      hook: {
        uuid: "22c9203f-e90b-4135-a142-583ef4f41e72",
        event: "request.added",
        target: "https://receiver.example/hook",
      },
      data: { uuid: "fbc77986", title: "New vulnerability detected", status: "open" },
    });
  });

  it("sends an id that holds no UUID as it is", () => {
    expect(hookUuid("wh_test")).toBe("wh_test");
    expect(hookUuid("wh_22c9203fe90b4135a142583ef4f41e7")).toBe("wh_22c9203fe90b4135a142583ef4f41e7");
  });

  it("lets the extra payload replace a top-level field, as DejaCode's payload.update() does", () => {
    const request = buildDejaCodeRequest(
      formatInput({ format: "dejacode", extraPayload: { hook: "custom", team: "security" } }, [requestAdded]),
    );
    expect(parsedBody(request.body)).toMatchObject({ hook: "custom", team: "security", data: { uuid: "fbc77986" } });
  });
});
