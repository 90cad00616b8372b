"use server";

import "server-only";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { acceptInvitation } from "@/lib/orgs/invitations";

export interface AcceptInvitationState {
  error?: string;
}

export async function acceptInvitationAction(
  _state: AcceptInvitationState,
  form: FormData,
): Promise<AcceptInvitationState> {
  const user = await requireUser();
  let orgSlug: string;
  try {
    ({ slug: orgSlug } = await acceptInvitation(String(form.get("token") ?? ""), user));
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(`/${orgSlug}`);
}

/** Signs out and comes back to this invitation after signing in with the invited address. */
export async function switchAccountAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  await signOut({ redirectTo: `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${encodeURIComponent(token)}`)}` });
}
