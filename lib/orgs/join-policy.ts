import { z } from "zod";
import type { JoinPolicy as JoinPolicyMode, JoinRole } from "@/generated/prisma/enums";
import { publicEmailDomains } from "@/lib/orgs/public-email-domains";

/**
 * Who may join an organization without an invitation: nobody (`invitation_only`, the default), or
 * anyone whose email address at one of `domains` is verified, as `role`. Client-safe: the settings
 * form checks domains with the same rules the API applies.
 */
export const joinPolicyModes = ["invitation_only", "email_domain"] as const satisfies readonly JoinPolicyMode[];

/** Never owner: only an owner makes owners, one person at a time. */
export const joinRoles = ["member", "admin"] as const satisfies readonly JoinRole[];

export const maxJoinDomains = 20;

const domainLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// A top-level domain is letters, or an internationalized one in its ASCII (xn--) form.
const topLevelDomain = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** A domain as people type it: trimmed, in lowercase, without a leading "@". */
export function normalizeDomain(value: string): string {
  return value.trim().toLowerCase().replace(/^@/, "");
}

/** Why a normalized domain cannot be a joining domain, in words; null when it can. */
export function domainProblem(domain: string): string | null {
  if (domain === "") return "Enter a domain, like example.com.";
  if (domain.includes("@")) return `Enter only what follows the @ in ${domain}, like example.com.`;
  const labels = domain.split(".");
  const wellFormed =
    domain.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => domainLabel.test(label)) &&
    topLevelDomain.test(labels.at(-1) ?? "");
  if (!wellFormed) return `${domain} is not a domain name. Enter one like example.com.`;
  if (publicEmailDomains.has(domain)) {
    return `${domain} is a public email provider where anyone can get an address. Enter your organization's own domain.`;
  }
  return null;
}

export const emailDomain = z
  .string()
  .max(300, "A domain name has at most 253 characters.")
  .transform(normalizeDomain)
  .superRefine((domain, ctx) => {
    const problem = domainProblem(domain);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const joinPolicyInput = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("invitation_only") }),
    z.strictObject({
      mode: z.literal("email_domain"),
      domains: z
        .array(emailDomain, 'List the domains as an array, like ["example.com"].')
        .min(1, "Add at least one domain.")
        .max(maxJoinDomains, `Add at most ${maxJoinDomains} domains.`)
        .transform((domains) => [...new Set(domains)]),
      role: z.enum(joinRoles, "People who join this way get the member or admin role, never owner.").default("member"),
    }),
  ],
  { error: "Choose who can join: mode is invitation_only or email_domain." },
);

export const joinPolicyOutput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("invitation_only") }),
  z.object({
    mode: z.literal("email_domain"),
    domains: z.array(z.string()).describe("People whose verified email address is at one of these domains join."),
    role: z.enum(joinRoles).describe("The role they join with."),
  }),
]);

export type JoinPolicyInput = z.infer<typeof joinPolicyInput>;
export type JoinPolicyOutput = z.infer<typeof joinPolicyOutput>;

/** The columns an organization keeps its policy in. */
export interface JoinPolicyColumns {
  joinPolicy: JoinPolicyMode;
  joinDomains: string[];
  joinRole: JoinRole;
}

export function joinPolicyOf(org: JoinPolicyColumns): JoinPolicyOutput {
  return org.joinPolicy === "email_domain"
    ? { mode: "email_domain", domains: org.joinDomains, role: org.joinRole }
    : { mode: "invitation_only" };
}

/** Invitation only keeps no domains, so an org's columns never hold a policy nobody chose. */
export function joinPolicyColumns(policy: JoinPolicyInput): JoinPolicyColumns {
  return policy.mode === "email_domain"
    ? { joinPolicy: "email_domain", joinDomains: policy.domains, joinRole: policy.role }
    : { joinPolicy: "invitation_only", joinDomains: [], joinRole: "member" };
}

/** The domain of an email address, as policies store domains. */
export function emailDomainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}
