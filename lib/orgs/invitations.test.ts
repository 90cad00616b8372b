import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { acceptInvitation, inviteMember } from "@/lib/orgs/invitations";
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
