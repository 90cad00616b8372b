"use server";

import "server-only";
import type { FormState } from "@/components/auth/actions";
import { signIn } from "@/lib/auth/auth";
import { changePassword, changePasswordInput } from "@/lib/auth/password-change";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";

/** Changes the password, which ends every session; this browser gets a fresh one. */
export async function changePasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = changePasswordInput.safeParse({
    currentPassword: String(form.get("currentPassword") ?? ""),
    newPassword: String(form.get("newPassword") ?? ""),
  });
  if (!parsed.success)
    return { fieldErrors: Object.fromEntries(zodIssues(parsed.error).map((issue) => [issue.path, issue.message])) };
  try {
    await changePassword(user.id, parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { fieldErrors: { currentPassword: error.message } };
    throw error;
  }
  await signIn("credentials", {
    email: user.email,
    password: parsed.data.newPassword,
    redirectTo: "/account?changed=1",
  });
  return {};
}
