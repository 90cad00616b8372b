import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { joinOrgsByEmailDomain } from "@/lib/orgs/join-by-email-domain";

/**
 * Auth.js's Prisma adapter, plus what proving an address means here: a magic link proves the
 * mailbox it was sent to, so an account created by one, or an unverified account first opened by
 * one, joins the organizations whose policy admits its domain, in the transaction that verifies it.
 */
export function hubAdapter(): Adapter {
  return {
    ...PrismaAdapter(db),
    createUser: ({ email, name, image, emailVerified }: AdapterUser) =>
      db.$transaction(async (tx) => {
        const user = await tx.user.create({
          data: { email, name: name ?? undefined, image: image ?? undefined, emailVerified },
        });
        if (user.emailVerified) await joinOrgsByEmailDomain(tx, user);
        return user;
      }),
    updateUser: ({ id, ...changes }: Partial<AdapterUser> & Pick<AdapterUser, "id">) =>
      db.$transaction(async (tx) => {
        // Locked first, so of two links opened at once only one sees the address as newly proven.
        await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
        const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { emailVerified: true } });
        const user = await tx.user.update({
          where: { id },
          data: {
            email: changes.email,
            name: changes.name,
            image: changes.image,
            emailVerified: changes.emailVerified,
          },
        });
        if (!before.emailVerified && user.emailVerified) await joinOrgsByEmailDomain(tx, user);
        return user;
      }),
  };
}
