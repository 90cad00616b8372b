import { z } from "zod";
import { roles } from "@/lib/auth/permissions";
import { storableText } from "@/lib/http/storable-text";
import { joinPolicyInput, joinPolicyOutput } from "@/lib/orgs/join-policy";

export const orgName = storableText().trim().min(2, "An organization name has at least 2 characters.").max(80);

export const createOrgInput = z.strictObject({ name: orgName });
/**
 * Name, the limits DESIGN.md makes per-org settings (SonarQube's 10 + 10 webhooks, 30-day history),
 * and who may join without an invitation.
 */
export const updateOrgInput = z
  .strictObject({
    name: orgName.optional(),
    webhookLimitPerProject: z.number().int().min(1).max(100).optional(),
    webhookLimitOrg: z.number().int().min(1).max(100).optional(),
    retentionDays: z.number().int().min(1).max(365).optional(),
    joinPolicy: joinPolicyInput.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), "Send at least one setting to change.");

export const inviteMemberInput = z.strictObject({
  email: z
    .email("Enter a valid email address.")
    .max(254)
    .transform((value) => value.toLowerCase()),
  role: z.enum(roles).default("member"),
});

export const changeRoleInput = z.strictObject({ role: z.enum(roles) });

export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const memberOutput = z.object({
  id: z.string(),
  role: z.enum(roles),
  createdAt: z.date(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
});

export const invitationOutput = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(roles),
  expiresAt: z.date(),
  acceptedAt: z.date().nullable(),
  createdAt: z.date(),
});

/** What inviting answers: the invitation, and the role of the pending one it replaced, if any. */
export const sentInvitationOutput = invitationOutput.extend({
  replacedRole: z
    .enum(roles)
    .nullable()
    .describe(
      "The role of the pending invitation to the same address that this one replaced (its link stops working), or null.",
    ),
});

export const organizationOutput = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.date(),
  webhookLimitPerProject: z.number().int(),
  webhookLimitOrg: z.number().int(),
  retentionDays: z.number().int(),
  joinPolicy: joinPolicyOutput.describe("Who may join without an invitation."),
});

export type MemberOutput = z.infer<typeof memberOutput>;
export type InvitationOutput = z.infer<typeof invitationOutput>;
export type SentInvitationOutput = z.infer<typeof sentInvitationOutput>;
export type OrganizationOutput = z.infer<typeof organizationOutput>;
export type UpdateOrgInput = z.infer<typeof updateOrgInput>;
