import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeliverySection } from "@/components/webhooks/form/delivery-section";
import { newWebhookState, presetFields, toInput } from "@/components/webhooks/form/form-state";
import { ScopeSection } from "@/components/webhooks/form/scope-section";
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

describe("SecurityScorecard scope names", () => {
  const projects = [{ id: "prj_1", key: "web", name: "Web", createdAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z" }];
  const portfolios = [{ id: "pfl_1", name: "Vendors", projectIds: ["prj_1"], createdAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z" }];
  const scope = (format: "scorecard" | "standard") =>
    renderToStaticMarkup(createElement(ScopeSection, { state: { ...newWebhookState(), ...presetFields(format) }, update: () => undefined, errors: {}, projects, portfolios }));

  it("shows My Scorecard, All Followed and Selected Portfolio beside the hub's scopes for the scorecard preset only", () => {
    const html = scope("scorecard");
    for (const name of ["My Scorecard", "All Followed", "Selected Portfolio"]) expect(html).toContain(name);
    expect(html).toContain("One project");
    expect(scope("standard")).not.toContain("My Scorecard");
  });

  it("offers saved portfolios as a scope, and sends the chosen one instead of a project list", () => {
    expect(scope("scorecard")).toContain("Vendors (1 project)");
    const result = toInput({ ...newWebhookState(), name: "n", url: "https://example.com", projectIds: ["prj_1"], portfolioId: "pfl_1" });
    expect(result.input).toMatchObject({ scope: "org", portfolioId: "pfl_1", projectIds: [] });
  });
});
