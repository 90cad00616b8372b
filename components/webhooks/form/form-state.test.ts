// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { DeliverySection } from "@/components/webhooks/form/delivery-section";
import { newWebhookState, presetFields, toInput } from "@/components/webhooks/form/form-state";
import { ScopeSection } from "@/components/webhooks/form/scope-section";
import { webhookFormats } from "@/lib/webhooks/presets";

afterEach(cleanup);

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
    render(createElement(DeliverySection, { state, update: () => undefined, errors: {} }));
    const activate = screen.getByRole<HTMLInputElement>("checkbox", { name: /^Activate by test event .*Default for SecurityScorecard: off\.$/ });
    const gone = screen.getByRole<HTMLInputElement>("checkbox", { name: /^410 Gone disables the webhook .*Default for SecurityScorecard: off\.$/ });
    expect([activate.checked, gone.checked]).toEqual([false, false]);
  });
});

describe("SecurityScorecard scope names", () => {
  const projects = [{ id: "prj_1", key: "web", name: "Web", createdAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z" }];
  const portfolios = [{ id: "pfl_1", name: "Vendors", projectIds: ["prj_1"], createdAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z" }];
  /** The scope radios, as a screen reader finds them. */
  const scopes = (format: "scorecard" | "standard") => {
    cleanup();
    render(createElement(ScopeSection, { state: { ...newWebhookState(), ...presetFields(format) }, update: () => undefined, errors: {}, projects, portfolios }));
    const group = within(screen.getByRole("group", { name: "Scope" }));
    expect(group.getAllByRole("radio")).toHaveLength(2);
    return group;
  };

  it("shows My Scorecard, All Followed and Selected Portfolio beside the hub's scopes for the scorecard preset only", () => {
    const scorecard = scopes("scorecard");
    scorecard.getByRole("radio", { name: /^All projects or selected projects or portfolio SecurityScorecard: All Followed \/ Selected Portfolio An org-level webhook/ });
    scorecard.getByRole("radio", { name: /^One project SecurityScorecard: My Scorecard A project-level webhook/ });
    scopes("standard").getByRole("radio", { name: /^One project A project-level webhook/ });
    expect(screen.queryByText(/My Scorecard/)).toBeNull();
  });

  it("offers saved portfolios as a scope, and sends the chosen one instead of a project list", () => {
    scopes("scorecard");
    const portfolio = screen.getByRole("combobox", { name: /^Portfolio/ });
    expect(within(portfolio).getByRole<HTMLOptionElement>("option", { name: "Vendors (1 project)" }).value).toBe("pfl_1");
    const result = toInput({ ...newWebhookState(), name: "n", url: "https://example.com", projectIds: ["prj_1"], portfolioId: "pfl_1" });
    expect(result.input).toMatchObject({ scope: "org", portfolioId: "pfl_1", projectIds: [] });
  });
});
