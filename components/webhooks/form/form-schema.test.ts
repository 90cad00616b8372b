import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeliverySection } from "@/components/webhooks/form/delivery-section";
import { ErrorSummary } from "@/components/webhooks/form/error-summary";
import { WebhookFormProvider } from "@/components/webhooks/form/form-context";
import {
  checkTestInput,
  fieldId,
  fieldLabels,
  newWebhookValues,
  presetFields,
  serverProblems,
  toInput,
  webhookForm,
  type WebhookFormValues,
} from "@/components/webhooks/form/form-schema";
import { BasicsSection } from "@/components/webhooks/form/basics-section";
import { FollowUpsSection } from "@/components/webhooks/form/follow-ups-section";
import { FormatSection } from "@/components/webhooks/form/format-section";
import { HeadersSection } from "@/components/webhooks/form/headers-section";
import { OwnershipSection } from "@/components/webhooks/form/ownership-section";
import { PayloadSection } from "@/components/webhooks/form/payload-section";
import { ScopeSection } from "@/components/webhooks/form/scope-section";
import { SecuritySection } from "@/components/webhooks/form/security-section";
import { TriggersSection } from "@/components/webhooks/form/triggers-section";
import { ApiError } from "@/lib/client/api";
import { webhookFormats } from "@/lib/webhooks/presets";

const values = (patch: Partial<WebhookFormValues> = {}): WebhookFormValues => ({
  ...newWebhookValues(),
  name: "n",
  url: "https://example.com/hook",
  ...patch,
});
const inForm = (defaultValues: WebhookFormValues, ...children: ReactNode[]) =>
  renderToStaticMarkup(createElement(WebhookFormProvider, { defaultValues }, ...children));

/** What the form shows after a failed save: each field's message, as react-hook-form gets it from the resolver. */
function problems(typed: WebhookFormValues): Record<string, string> {
  const result = webhookForm.safeParse(typed);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("activation and 410 per preset in the webhook form", () => {
  it("fills both settings from the chosen format", () => {
    const defaults = Object.fromEntries(
      webhookFormats.map((format) => [
        format,
        [presetFields(format).activationRequired, presetFields(format).disableOnGone],
      ]),
    );
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
    const { input } = toInput(values({ format: "codescoring", ...presetFields("codescoring"), disableOnGone: true }));
    expect(input).toMatchObject({ format: "codescoring", activationRequired: false, disableOnGone: true });
  });

  it("shows both as checkboxes with the format's default", () => {
    const html = inForm(values({ format: "scorecard", ...presetFields("scorecard") }), createElement(DeliverySection));
    expect(html).toContain("Activate by test event");
    expect(html).toContain("410 Gone disables the webhook");
    expect(html).toContain("Default for SecurityScorecard: off.");
  });
});

// One project in one portfolio, as the scope pickers list them.
const projects = [
  {
    id: "prj_1",
    key: "web",
    name: "Web",
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
  },
];
const portfolios = [
  {
    id: "pfl_1",
    name: "Vendors",
    projectIds: ["prj_1"],
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
  },
];

describe("SecurityScorecard scope names", () => {
  const scope = (format: "scorecard" | "standard") =>
    inForm(values({ format, ...presetFields(format) }), createElement(ScopeSection, { projects, portfolios }));

  it("shows My Scorecard, All Followed and Selected Portfolio beside the hub's scopes for the scorecard preset only", () => {
    const html = scope("scorecard");
    for (const name of ["My Scorecard", "All Followed", "Selected Portfolio"]) expect(html).toContain(name);
    expect(html).toContain("One project");
    expect(scope("standard")).not.toContain("My Scorecard");
  });

  it("offers saved portfolios as a scope, and sends the chosen one instead of a project list", () => {
    expect(scope("scorecard")).toContain("Vendors (1 project)");
    const { input } = toInput(values({ projectIds: ["prj_1"], portfolioId: "pfl_1" }));
    expect(input).toMatchObject({ scope: "org", portfolioId: "pfl_1", projectIds: [] });
  });
});

describe("the form's checks are the API's schema", () => {
  it("finds every problem in one pass, each at its field, in words for a person", () => {
    const found = problems(
      values({
        url: "not a url",
        format: "deepsource",
        ...presetFields("deepsource"),
        secret: "too-short",
        timeoutMs: "40000",
        deliveryMode: "batched",
        batchMaxSize: "lots",
        retrySchedule: "custom",
        retryDelays: "60, 0",
        rateLimitPerSecond: "1.5",
        extraPayload: "{ not json",
        headers: [
          { name: "Bad Header", value: "x" },
          { name: "X-Team", value: "a" },
          { name: "x-team", value: "b" },
          { name: "", value: "orphan" },
        ],
      }),
    );
    expect(found).toEqual({
      url: "Enter a full URL, with http:// or https://.",
      secret: "A DeepSource secret has at least 16 characters.",
      timeoutMs: "Timeout must be at most 30,000 ms.",
      deliveryMode: "A DeepSource request carries one event; batching is for Standard Webhooks and CodeScoring.",
      batchMaxSize: "Max batch size must be a whole number of events.",
      retryDelays: "Each retry delay must be at least 1 second.",
      rateLimitPerSecond: "Rate limit must be a whole number of requests per second.",
      extraPayload: expect.stringMatching(/^Not valid JSON: /),
      "headers.0.name": '"Bad Header" is not a valid header name.',
      "headers.2.name": "x-team is listed twice.",
      "headers.3.name": "Give the header a name, or remove the row.",
    });
  });

  it("says limits as a person would, never zod's own words", () => {
    const typed = [
      { timeoutMs: "999" },
      { batchWindowMs: "60001" },
      { batchMaxSize: "0" },
      { rateLimitPerSecond: "1001" },
      { retrySchedule: "custom", retryDelays: "" },
      { retrySchedule: "custom", retryDelays: "700000" },
      { name: "x".repeat(101) },
      { secret: "s".repeat(257) },
      { token: "t".repeat(513) },
    ] satisfies Array<Partial<WebhookFormValues>>;
    const messages = typed.flatMap((patch) => Object.values(problems(values(patch))));
    expect(messages).toEqual([
      "Timeout must be at least 1,000 ms.",
      "Batch window must be at most 60,000 ms.",
      "Max batch size must be at least 1 event.",
      "Rate limit must be at most 1,000 requests per second.",
      "List at least one retry delay, in seconds, like 60, 300, 1800.",
      "Each retry delay must be at most 604,800 seconds.",
      "A name has at most 100 characters.",
      "A signing secret has at most 256 characters.",
      "A token has at most 512 characters.",
    ]);
  });

  it("hands over the body to send when nothing is wrong", () => {
    const typed = values({
      headers: [{ name: "X-Team", value: "security" }],
      timeoutMs: " 5000 ",
      rateLimitPerSecond: "",
    });
    const result = webhookForm.safeParse(typed);
    expect(result.success && result.data).toEqual(toInput(typed).input);
    expect(result.success && result.data).toMatchObject({
      headers: { "X-Team": "security" },
      timeoutMs: 5000,
      rateLimitPerSecond: null,
    });
  });
});

describe("Test it signs as the saved webhook will", () => {
  const preview = "whsec_cHJldmlldy1zZWNyZXQtcHJldmlldy1zZWNy";

  it("signs a Standard Webhooks test with the preview secret when none is typed, and says so", () => {
    for (const typed of [
      values({ format: "standard" }),
      values({ format: "standard", secret: "whsec_x", clearSecret: true }),
    ])
      expect(checkTestInput(typed, preview)).toMatchObject({ input: { secret: preview }, preview: true });
  });

  it("signs with the typed secret when there is one", () => {
    const typed = values({ format: "standard", secret: "whsec_dHlwZWQtc2VjcmV0LXR5cGVkLXNlY3JldA==" });
    expect(checkTestInput(typed, preview)).toMatchObject({
      input: { secret: "whsec_dHlwZWQtc2VjcmV0LXR5cGVkLXNlY3JldA==" },
      preview: false,
    });
  });

  it("leaves other formats as typed: the hub generates no secret for them", () => {
    const typed = values({ format: "sonarqube" });
    const checked = checkTestInput(typed, preview);
    expect(checked.problems).toBeNull();
    expect(checked.input?.secret).toBeUndefined();
    expect(checked).toMatchObject({ preview: false });
  });
});

describe("the server's problems land on the same fields", () => {
  it("maps every issue of a 422 to its field, joining those that share one", () => {
    const typed = values({ format: "scorecard", headers: [{ name: "X-Team", value: "a" }] });
    const error = new ApiError(422, "validation_failed", "The webhook refers to things that do not exist.", [
      { path: "url", message: "169.254.169.254 is a cloud metadata address; webhooks must point at a public address." },
      { path: "followUpUrls.1", message: "10.0.0.1 is a private address; webhooks must point at a public address." },
      { path: "triggers", message: 'Unknown trigger "a".' },
      { path: "triggers", message: 'Unknown trigger "b".' },
      { path: "headers.X-Team", message: "The hub sets X-Team itself." },
      { path: "headers", message: "At most 20 extra headers, secret ones included." },
      { path: "retryPolicy.delaysSeconds.2", message: "Each retry delay must be at least 1 second." },
      { path: "ownerId", message: "The owner must be a member of this organization." },
    ]);
    expect(serverProblems(error, typed)).toEqual({
      url: "169.254.169.254 is a cloud metadata address; webhooks must point at a public address.",
      followUpUrls: "10.0.0.1 is a private address; webhooks must point at a public address.",
      triggers: 'Unknown trigger "a". Unknown trigger "b".',
      "headers.0.name": "The hub sets X-Team itself.",
      "headers.root": "At most 20 extra headers, secret ones included.",
      retryDelays: "Each retry delay must be at least 1 second.",
      ownerId: "The owner must be a member of this organization.",
    });
  });

  it("keeps a 409's field, and anything about no field for the summary alone", () => {
    expect(serverProblems(new ApiError(409, "conflict", "Taken.", { field: "name" }), values())).toEqual({
      name: "Taken.",
    });
    expect(
      serverProblems(
        new ApiError(422, "validation_failed", "Bad.", [{ path: "", message: "Unrecognized key." }]),
        values(),
      ),
    ).toEqual({ "root.form": "Unrecognized key." });
  });
});

describe("the error summary", () => {
  it("links each problem to its field, naming the field once", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorSummary, {
        title: "The webhook was not saved. Fix these and try again:",
        attempt: 1,
        entries: [
          { path: "timeoutMs", label: "Timeout", message: "Timeout must be at most 30,000 ms." },
          { path: "secret", label: "Signing secret", message: "A DeepSource secret has at least 16 characters." },
          { path: "root.form", label: null, message: "Unrecognized key." },
        ],
      }),
    );
    expect(html).toContain('<a href="#webhook-timeoutMs"');
    expect(html).toContain(">Timeout must be at most 30,000 ms.</a>");
    expect(html).toMatch(
      /<a href="#webhook-secret"[^>]*><span class="font-medium">Signing secret:<\/span> A DeepSource secret has at least 16 characters\.<\/a>/,
    );
    expect(html).toContain("<li>Unrecognized key.</li>");
  });

  it("has an element to move focus to for every field it can name", () => {
    const sections = (secretSet: boolean) => [
      createElement(BasicsSection, { key: "basics", basicAuthSet: false }),
      createElement(FormatSection, { key: "format" }),
      createElement(ScopeSection, { key: "scope", projects, portfolios }),
      createElement(TriggersSection, { key: "triggers", catalog: [] }),
      createElement(SecuritySection, { key: "security", secretSet, tokenSet: false, creating: true }),
      createElement(HeadersSection, { key: "headers", secretHeaderNames: [] }),
      createElement(PayloadSection, { key: "payload" }),
      createElement(FollowUpsSection, { key: "follow-ups" }),
      createElement(DeliverySection, { key: "delivery" }),
      createElement(OwnershipSection, { key: "owner", members: [] }),
    ];
    const orgLevel = inForm(
      values({
        format: "scorecard",
        deliveryMode: "batched",
        retrySchedule: "custom",
        headers: [{ name: "X-Team", value: "a" }],
      }),
      ...sections(false),
    );
    const projectLevel = inForm(values({ scope: "project" }), ...sections(true));
    const ids = new Set([...`${orgLevel}${projectLevel}`.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]));
    const paths = [...Object.keys(fieldLabels), "headers.root", "headers.0.name"];
    expect(paths.filter((path) => !ids.has(fieldId(path)))).toEqual([]);
  });
});
