"use server";

import "server-only";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { unexpectedFormError } from "@/lib/http/respond";
import { createOrganization } from "@/lib/orgs/orgs";
import { createOrgInput } from "@/lib/orgs/schemas";

export interface CreateOrgState {
  error?: string;
  name?: string;
}

export async function createOrgAction(_state: CreateOrgState, form: FormData): Promise<CreateOrgState> {
  const user = await requireUser();
  const name = String(form.get("name") ?? "");
  const parsed = createOrgInput.safeParse({ name });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter a name.", name };
  let slug: string;
  try {
    ({ slug } = await createOrganization(user.id, user.email, parsed.data.name));
  } catch (error) {
    return { error: unexpectedFormError(error), name };
  }
  redirect(`/${slug}`);
}
