import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import * as invitationsRoute from "@/app/api/v1/invitations/route";
import { acceptInvitation, invitationForCallback, inviteMember } from "@/lib/orgs/invitations";
import { hashToken } from "@/lib/tokens/token-secret";
import { call } from "@/test/api";
import { changeMemberRole, removeMember } from "@/lib/orgs/members";
import { addMember, createOrg, createUser } from "@/test/factories";

async function invite(orgId: string, ownerId: string, email: string, role: "admin" | "member" = "member") {
  const member = await db.member.findFirstOrThrow({ where: { orgId, userId: ownerId } });
  const actor: Actor = { type: "member", userId: ownerId, memberId: member.id, label: "owner@example.com" };
  const sent = await inviteMember(orgId, actor, "owner", { email, role });
  const stored = await db.email.findFirstOrThrow({ where: { orgId, to: email }, orderBy: { createdAt: "desc" } });
  return { sent, stored, actor };
}

// Tokens never reach the database in the clear, so tests that accept one create the invitation
// row from a token they know, hashed the way the hub hashes it.
describe("invitations", () => {
  it("stores the invitation email with its link redacted", async () => {
    const { org, owner } = await createOrg();
    const { stored } = await invite(org.id, owner.id, "redact@example.com");
    expect(stored.text).toContain("/invite/[redacted]");
    expect(stored.text).not.toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
  });

  it("lets a new invitation replace the earlier one, and accepts each token once", async () => {
    const { org, owner } = await createOrg();
    await invite(org.id, owner.id, "twice@example.com");
    await invite(org.id, owner.id, "twice@example.com");
    expect(await db.invitation.count({ where: { orgId: org.id, email: "twice@example.com" } })).toBe(1);
  });

  it("says which role the pending invitation it replaced had, and records it in the audit log", async () => {
    const { org, owner } = await createOrg();
    const first = await invite(org.id, owner.id, "rerole@example.com", "member");
    expect(first.sent).toMatchObject({ role: "member", replacedRole: null });
    const second = await invite(org.id, owner.id, "rerole@example.com", "admin");
    expect(second.sent).toMatchObject({ email: "rerole@example.com", role: "admin", replacedRole: "member" });
    const pending = await db.invitation.findMany({ where: { orgId: org.id, email: "rerole@example.com" } });
    expect(pending.map((row) => ({ id: row.id, role: row.role }))).toEqual([{ id: second.sent.id, role: "admin" }]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { orgId: org.id, action: "member.invited", targetId: second.sent.id },
    });
    expect(audit.metadata).toEqual({ email: "rerole@example.com", role: "admin", replacedRole: "member" });
  });

  it("answers 409 conflict on the email field, in the API's error shape, when the address is a member", async () => {
    const { org, owner } = await createOrg();
    const { user } = await addMember(org.id, "viewer");
    const response = await call("POST", invitationsRoute.POST, "/api/v1/invitations", {
      session: { userId: owner.id, orgSlug: org.slug },
      body: { email: user.email.toUpperCase(), role: "admin" },
    });
    expect(response).toEqual({
      status: 409,
      body: {
        error: {
          code: "conflict",
          message: `${user.email} is already a member of this organization.`,
          details: { field: "email" },
        },
      },
    });
    expect(await db.invitation.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("answers the replaced role through the API", async () => {
    const { org, owner } = await createOrg();
    const session = { userId: owner.id, orgSlug: org.slug };
    const post = (role: string) =>
      call("POST", invitationsRoute.POST, "/api/v1/invitations", {
        session,
        body: { email: "api-re@example.com", role },
      });
    expect(await post("viewer")).toMatchObject({ status: 201, body: { role: "viewer", replacedRole: null } });
    expect(await post("member")).toMatchObject({ status: 201, body: { role: "member", replacedRole: "viewer" } });
  });

  it("finds the invitation a sign-up arrives from by its callback, only while it is open", async () => {
    const { org } = await createOrg();
    const open = "o".repeat(43);
    const expired = "e".repeat(43);
    await db.invitation.createMany({
      data: [
        {
          orgId: org.id,
          email: "prefill@example.com",
          tokenHash: hashToken(open),
          expiresAt: new Date(Date.now() + 60_000),
        },
        {
          orgId: org.id,
          email: "late@example.com",
          tokenHash: hashToken(expired),
          expiresAt: new Date(Date.now() - 1),
        },
      ],
    });
    expect(await invitationForCallback(`/invite/${open}`)).toMatchObject({
      email: "prefill@example.com",
      orgId: org.id,
    });
    expect(await invitationForCallback(`/invite/${expired}`)).toBeNull();
    expect(await invitationForCallback(`/invite/${"u".repeat(43)}`)).toBeNull();
    // Only the invitation page's own path names a token; anything else, or a malformed escape, names none.
    expect(await invitationForCallback(`/invite/${open}/extra`)).toBeNull();
    expect(await invitationForCallback(`/other/${open}`)).toBeNull();
    expect(await invitationForCallback("/invite/%E0%A4%A")).toBeNull();
    expect(await invitationForCallback("/")).toBeNull();
  });

  it("refuses a second acceptance of the same link, even concurrently", async () => {
    const { org } = await createOrg();
    const user = await createUser("joiner-race@example.com");
    const token = "t".repeat(43);
    const { hashToken } = await import("@/lib/tokens/token-secret");
    await db.invitation.create({
      data: { orgId: org.id, email: user.email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60_000) },
    });
    const results = await Promise.allSettled([acceptInvitation(token, user), acceptInvitation(token, user)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  it("does not let a removed member back in through an older open invitation", async () => {
    const { org, owner } = await createOrg();
    const { member, user } = await addMember(org.id, "member");
    const { hashToken } = await import("@/lib/tokens/token-secret");
    const token = "r".repeat(43);
    await db.invitation.create({
      data: { orgId: org.id, email: user.email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 60_000) },
    });
    const ownerMember = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    await removeMember(
      org.id,
      { type: "member", userId: owner.id, memberId: ownerMember.id, label: owner.email },
      "owner",
      member.id,
    );
    await expect(acceptInvitation(token, user)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.member.count({ where: { orgId: org.id, userId: user.id } })).toBe(0);
  });
});

describe("owners demoting each other at the same moment", () => {
  it("leaves exactly one owner", async () => {
    const { org, owner } = await createOrg();
    const { member: second, user: secondUser } = await addMember(org.id, "owner");
    const first = await db.member.findFirstOrThrow({ where: { orgId: org.id, userId: owner.id } });
    const actor = (userId: string, memberId: string): Actor => ({ type: "member", userId, memberId, label: userId });
    const results = await Promise.allSettled([
      changeMemberRole(org.id, actor(owner.id, first.id), "owner", second.id, "admin"),
      changeMemberRole(org.id, actor(secondUser.id, second.id), "owner", first.id, "admin"),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.member.count({ where: { orgId: org.id, role: "owner" } })).toBe(1);
  });
});
