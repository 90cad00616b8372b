"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeCallback } from "@/lib/auth/callback";
import { env } from "@/lib/env";
import { signUp, signUpInput } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/http/errors";
import { zodIssues } from "@/lib/http/respond";

export interface FormState {
  error?: string;
  fieldErrors?: Record<string, string>;
  email?: string;
}


const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function signInWithPassword(_state: FormState, form: FormData): Promise<FormState> {
  try {
    await signIn("credentials", { email: text(form, "email"), password: text(form, "password"), redirectTo: safeCallback(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { error: "Wrong email or password.", email: text(form, "email") };
    throw error;
  }
  return {};
}

export async function sendSignInLink(_state: FormState, form: FormData): Promise<FormState> {
  const email = z.email().safeParse(text(form, "email").trim().toLowerCase());
  if (!email.success) return { fieldErrors: { email: "Enter a valid email address." }, email: text(form, "email") };
  try {
    await signIn("email", { email: email.data, redirectTo: safeCallback(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError) return { error: "We could not send the link. Try again in a moment.", email: email.data };
    throw error;
  }
  return {};
}

export async function signUpAction(_state: FormState, form: FormData): Promise<FormState> {
  if (!env.SIGNUP_ENABLED) return { error: "Sign-up is closed. Ask an administrator for an invitation." };
  const parsed = signUpInput.safeParse({
    name: text(form, "name"),
    email: text(form, "email"),
    password: text(form, "password"),
    orgName: form.has("orgName") ? text(form, "orgName") : undefined,
  });
  if (!parsed.success) {
    return { fieldErrors: Object.fromEntries(zodIssues(parsed.error).map((issue) => [issue.path, issue.message])), email: text(form, "email") };
  }
  let home = "/orgs/new";
  try {
    const { org } = await signUp(parsed.data);
    if (org) home = `/${org.slug}`;
  } catch (error) {
    if (error instanceof AppError) return { fieldErrors: { email: error.message }, email: parsed.data.email };
    throw error;
  }
  const callback = safeCallback(form.get("callbackUrl"));
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: callback === "/" ? home : callback });
  return {};
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
