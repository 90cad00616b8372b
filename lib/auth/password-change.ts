import "server-only";
import { z } from "zod";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";

export const changePasswordInput = z.strictObject({
  // Empty for an account that signs in only by email link (its password was dropped or never set).
  currentPassword: z.string().max(200),
  newPassword: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});

export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/**
 * Sets a new password and ends every session of the user, everywhere (the caller signs the
 * current browser in again). An account that has a password must give it first.
 */
export async function changePassword(userId: string, input: ChangePasswordInput): Promise<{ email: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (user.passwordHash && !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("forbidden", "Your current password is not right.", { field: "currentPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await endAllSessions(user.id, tx);
  });
  return { email: user.email };
}
