// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { LimitsForm } from "@/components/settings/limits-form";
import { renderWithQueries } from "@/test/render";

const org = { id: "org_1", slug: "acme" };
const organization = {
  id: "org_1",
  slug: "acme",
  name: "Acme",
  createdAt: "2026-11-01T00:00:00.000Z",
  webhookLimitPerProject: 12,
  webhookLimitOrg: 7,
  retentionDays: 45,
  joinPolicy: { mode: "invitation_only" as const },
};

afterEach(cleanup);

describe("the limits card", () => {
  it("lets an owner edit the webhook limits and retention", () => {
    renderWithQueries(createElement(LimitsForm, { org, organization, neededRole: null }));
    expect(screen.getByLabelText<HTMLInputElement>("Webhooks per project").value).toBe("12");
    expect(screen.getByLabelText<HTMLInputElement>("Organization-wide webhooks").value).toBe("7");
    expect(screen.getByLabelText<HTMLInputElement>("Event retention (days)").value).toBe("45");
    screen.getByRole("button", { name: "Save limits" });
    expect(screen.queryByRole("note")).toBeNull();
  });

  it("shows them read-only, with the role that changes them, to anyone else", () => {
    renderWithQueries(createElement(LimitsForm, { org, organization, neededRole: "owner" }));
    expect(screen.queryByRole("spinbutton")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save limits" })).toBeNull();
    screen.getByText("12");
    screen.getByText("7");
    screen.getByText("45");
    expect(screen.getByRole("note").textContent).toBe("Changing these needs the owner role.");
  });
});
