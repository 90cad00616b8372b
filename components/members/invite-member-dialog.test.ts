// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { sentInvitationMessage } from "@/components/members/invite-notice";
import { orgKeys } from "@/lib/orgs/queries";
import { renderWithQueries } from "@/test/render";

const org = { id: "org_1", slug: "acme" };
const at = "2026-11-01T00:00:00.000Z";
const later = "2026-11-08T00:00:00.000Z";

function render() {
  renderWithQueries(
    createElement(InviteMemberDialog, { org, actorRole: "owner", open: true, onClose: () => {} }),
    (client) => {
      client.setQueryData(orgKeys.members(org), {
        data: [
          { id: "mem_1", role: "admin", createdAt: at, user: { id: "usr_1", email: "ada@example.com", name: "Ada" } },
        ],
      });
      client.setQueryData(orgKeys.invitations(org), {
        data: [
          {
            id: "inv_1",
            email: "grace@example.com",
            role: "member",
            expiresAt: later,
            acceptedAt: null,
            createdAt: at,
          },
        ],
      });
    },
  );
  const type = (email: string) => fireEvent.change(screen.getByLabelText("Email"), { target: { value: email } });
  const choose = (role: string) => fireEvent.change(screen.getByLabelText("Role"), { target: { value: role } });
  const notice = () => within(screen.getByRole("dialog")).queryByRole("status")?.textContent ?? null;
  return { type, choose, notice };
}

afterEach(cleanup);

describe("the invite dialog, before sending", () => {
  it("says nothing for an address new to the organization", () => {
    const { type, notice } = render();
    type("new@example.com");
    expect(notice()).toBeNull();
  });

  it("says a re-invitation replaces the pending one, and which role it changes from and to", () => {
    const { type, choose, notice } = render();
    type("Grace@Example.com");
    expect(notice()).toBe(
      "grace@example.com already has a pending invitation as member. Sending replaces it with a new link; the earlier link stops working.",
    );
    choose("admin");
    expect(notice()).toBe(
      "grace@example.com already has a pending invitation. Sending replaces it and changes its role from Member to Admin; the earlier link stops working.",
    );
  });

  it("says an existing member is already a member", () => {
    const { type, notice } = render();
    type("ada@example.com");
    expect(notice()).toBe(
      "ada@example.com is already a member of this organization (admin). Change their role in the members list instead.",
    );
  });
});

describe("the message after sending", () => {
  it("names a role change when the invitation replaced one with another role", () => {
    expect(sentInvitationMessage({ email: "g@example.com", role: "admin", replacedRole: "member" })).toEqual({
      title: "Invitation to g@example.com replaced",
      description:
        "The pending invitation was replaced. Its role changed from Member to Admin. The new link works for 7 days; the earlier one no longer works.",
    });
    expect(sentInvitationMessage({ email: "g@example.com", role: "admin", replacedRole: "admin" }).description).toBe(
      "The pending invitation was replaced. The new link works for 7 days; the earlier one no longer works.",
    );
    expect(sentInvitationMessage({ email: "g@example.com", role: "admin", replacedRole: null })).toEqual({
      title: "Invitation sent to g@example.com",
      description: "The link in it works for 7 days.",
    });
  });
});
