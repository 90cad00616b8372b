import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeliverySection } from "@/components/webhooks/form/delivery-section";
import { newWebhookState, presetFields, toInput } from "@/components/webhooks/form/form-state";
import { webhookFormats } from "@/lib/webhooks/presets";

describe("activation and 410 per preset in the webhook form", () => {
  it("fills both settings from the chosen format", () => {
    const defaults = Object.fromEntries(webhookFormats.map((format) => [format, [presetFields(format).activationRequired, presetFields(format).disableOnGone]]));
    expect(defaults).toEqual({
      standard: [true, true],
      deepsource: [true, false],
      codescoring: [false, false],
      scorecard: [false, false],
      sonarqube: [false, false],
      dejacode: [false, false],
    });
  });

  it("sends what the person chose", () => {
    const result = toInput({ ...newWebhookState(), name: "n", url: "https://example.com", ...presetFields("codescoring"), disableOnGone: true });
    expect(result.input).toMatchObject({ format: "codescoring", activationRequired: false, disableOnGone: true });
  });

  it("shows both as checkboxes with the format's default", () => {
    const state = { ...newWebhookState(), ...presetFields("scorecard") };
    const html = renderToStaticMarkup(createElement(DeliverySection, { state, update: () => undefined, errors: {} }));
    expect(html).toContain("Activate by test event");
    expect(html).toContain("410 Gone disables the webhook");
    expect(html).toContain("Default for SecurityScorecard: off.");
  });
});
