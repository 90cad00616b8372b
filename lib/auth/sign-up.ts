import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { createOrganization } from "@/lib/orgs/orgs";
import { orgName } from "@/lib/orgs/schemas";

export const signUpInput = z.strictObject({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter a valid email address.").max(254).transform((value) => value.toLowerCase()),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
  // Absent for people joining through an invitation: they need no organization of their own.
  orgName: orgName.optional(),
});

export type SignUpInput = z.infer<typeof signUpInput>;

const emailTaken = () => new AppError("conflict", "An account with this email already exists. Sign in instead.", { field: "email" });

/** Creates the user and, when named, their first organization, owned by them, in one transaction. */
export async function signUp(input: SignUpInput) {
  const taken = await db.user.findUnique({ where: { email: input.email } });
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name: input.name, email: input.email, passwordHash } });
      const org = input.orgName ? await createOrganization(user.id, user.email, input.orgName, tx) : null;
      return { user, org };
    });
  } catch (error) {
    // Two sign-ups racing for one address: the loser hears what the check above would have said.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw emailTaken();
    throw error;
  }
}
