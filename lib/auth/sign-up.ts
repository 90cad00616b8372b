import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { queueEmailVerification } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { sendQueuedEmails } from "@/lib/mail/send";
import { AppError } from "@/lib/http/errors";
import { findInvitation } from "@/lib/orgs/invitations";
import { joinOrgsByEmailDomain } from "@/lib/orgs/join-by-email-domain";
import { createOrganization } from "@/lib/orgs/orgs";
import { storableText } from "@/lib/http/storable-text";
import { orgName } from "@/lib/orgs/schemas";

export const signUpInput = z.strictObject({
  name: storableText().trim().min(1, "Enter your name.").max(100),
  email: z
    .email("Enter a valid email address.")
    .max(254)
    .transform((value) => value.toLowerCase()),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
  // Absent for people joining through an invitation: they need no organization of their own.
  orgName: orgName.optional(),
});

export type SignUpInput = z.infer<typeof signUpInput>;

const emailTaken = () =>
  new AppError("conflict", "An account with this email already exists. Sign in instead.", { field: "email" });

export interface SignUpOptions {
  /** Where to go after verification (an invitation page, say). */
  callbackUrl?: string;
  /**
   * The invitation link the person arrived with. Addressed to this email, it proves the mailbox
   * as a verification link would, so the account is verified at once.
   */
  invitationToken?: string;
}

/**
 * Creates the password account, unverified: it cannot sign in, and no invitation attaches to
 * it, until the emailed link proves the address; the organization sign-up names is created then,
 * and the person joins those whose policy admits their domain.
 * An unverified account holding no membership is someone's unproven claim on the address, so a
 * new sign-up replaces it (and ends its sessions) rather than locking the real owner out.
 */
export async function signUp(input: SignUpInput, options: SignUpOptions = {}) {
  const taken = await db.user.findUnique({
    where: { email: input.email },
    include: { _count: { select: { memberships: true } } },
  });
  if (taken && (taken.emailVerified || taken._count.memberships > 0)) throw emailTaken();
  const invitation = options.invitationToken ? await findInvitation(options.invitationToken) : null;
  const proven = invitation?.email === input.email;
  const passwordHash = await hashPassword(input.password);
  const profile = { name: input.name, passwordHash, emailVerified: proven ? new Date() : null };
  try {
    const result = await db.$transaction(async (tx) => {
      const user = taken
        ? // Replacing the claim ends whatever sessions it held.
          await tx.user.update({
            where: { id: taken.id, emailVerified: null },
            data: { ...profile, createdAt: new Date(), sessionVersion: { increment: 1 } },
          })
        : await tx.user.create({ data: { email: input.email, ...profile } });
      const org = proven && input.orgName ? await createOrganization(user.id, user.email, input.orgName, tx) : null;
      const joined = proven ? await joinOrgsByEmailDomain(tx, user) : [];
      // The account and the link that verifies it commit together.
      const email = proven
        ? null
        : await queueEmailVerification(tx, user, { orgName: input.orgName, callbackUrl: options.callbackUrl });
      return { user, org, joined, verified: proven, email };
    });
    if (result.email) await sendQueuedEmails([result.email]);
    return { user: result.user, org: result.org, joined: result.joined, verified: result.verified };
  } catch (error) {
    // Two sign-ups racing for one address: the loser hears what the check above would have said.
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025"))
      throw emailTaken();
    throw error;
  }
}
