// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { JoinPolicyForm } from "@/components/settings/join-policy-form";
import { renderWithQueries } from "@/test/render";

const org = { id: "org_1", slug: "acme" };
const organization = {
  id: "org_1",
  slug: "acme",
  name: "Acme",
  createdAt: "2026-11-01T00:00:00.000Z",
  webhookLimitPerProject: 10,
  webhookLimitOrg: 10,
  retentionDays: 30,
  joinPolicy: { mode: "invitation_only" as const },
};
const open = {
  ...organization,
  joinPolicy: { mode: "email_domain" as const, domains: ["acme.com", "acme.io"], role: "admin" as const },
};

afterEach(cleanup);

describe("the joining card", () => {
  it("lets an owner open joining to email domains, asking for the domains and the role only then", () => {
    renderWithQueries(createElement(JoinPolicyForm, { org, organization, neededRole: null }));
    expect(screen.getByRole<HTMLInputElement>("radio", { name: "Invitation only" }).checked).toBe(true);
    expect(screen.queryByLabelText("Domains")).toBeNull();
    const save = screen.getByRole<HTMLButtonElement>("button", { name: "Save joining policy" });
    expect(save.disabled).toBe(true);

    fireEvent.click(screen.getByRole("radio", { name: "Anyone with a verified email address at these domains" }));
    screen.getByLabelText("Domains");
    const role = screen.getByLabelText<HTMLSelectElement>("Role they get");
    expect([...role.options].map((option) => option.value)).toEqual(["member", "admin"]);
    expect(save.disabled).toBe(false);
  });

  it("shows a saved policy as it is", () => {
    renderWithQueries(createElement(JoinPolicyForm, { org, organization: open, neededRole: null }));
    expect(screen.getByLabelText<HTMLTextAreaElement>("Domains").value).toBe("acme.com\nacme.io");
    expect(screen.getByLabelText<HTMLSelectElement>("Role they get").value).toBe("admin");
  });

  it("shows it read-only, with the role that changes it, to anyone else", () => {
    renderWithQueries(createElement(JoinPolicyForm, { org, organization: open, neededRole: "owner" }));
    expect(screen.queryByRole("radio")).toBeNull();
    expect(screen.queryByRole("button", { name: "Save joining policy" })).toBeNull();
    screen.getByText("Anyone with a verified email address at acme.com, acme.io joins as admin.");
    expect(screen.getByRole("note").textContent).toBe("Changing this needs the owner role.");
  });
});
