"use server";

import "server-only";
import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/auth";
import { invitationTokenFromCallback, safeCallback } from "@/lib/auth/callback";
import { authLimits, clientIp, consume, RateLimited, type Limit } from "@/lib/auth/rate-limit";
import { completeEmailVerification, resendEmailVerification } from "@/lib/auth/email-verification";
import { env } from "@/lib/env";
import { signUp, signUpInput } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/http/errors";
import { unexpectedFormError, zodIssues } from "@/lib/http/respond";

export interface FormState {
  error?: string;
  /** A confirmation that is not an error ("we sent a new link"). */
  notice?: string;
  /** The password was right but the address is not verified yet: offer a new link. */
  unverified?: boolean;
  fieldErrors?: Record<string, string>;
  email?: string;
  /** Sign-up's other fields as typed, so a refused form comes back filled (never the password). */
  name?: string;
  orgName?: string;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "");

/** Counts the request against its limits; the form error to show when one is exceeded, or null. */
async function throttled(limits: (email: string, ip: string) => Limit[], email: string): Promise<string | null> {
  try {
    await consume(limits(email.trim().toLowerCase(), clientIp(await headers())));
    return null;
  } catch (error) {
    if (error instanceof RateLimited) return error.message;
    throw error;
  }
}

export async function signInWithPassword(_state: FormState, form: FormData): Promise<FormState> {
  try {
    await signIn("credentials", {
      email: text(form, "email"),
      password: text(form, "password"),
      redirectTo: safeCallback(form.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { error: "Too many sign-in attempts. Wait a few minutes, then try again.", email: text(form, "email") };
    }
    if (error instanceof CredentialsSignin && error.code === "email_unverified") {
      return {
        error: "Verify your email address first: open the link we emailed you when you signed up.",
        unverified: true,
        email: text(form, "email"),
      };
    }
    if (error instanceof AuthError) return { error: "Wrong email or password.", email: text(form, "email") };
    throw error;
  }
  return {};
}

/** Answers the same whether or not the address has an account waiting for verification. */
export async function resendVerificationAction(_state: FormState, form: FormData): Promise<FormState> {
  const email = z.email().safeParse(text(form, "email").trim().toLowerCase());
  if (!email.success) return { fieldErrors: { email: "Enter a valid email address." }, email: text(form, "email") };
  const limited = await throttled(authLimits.verification, email.data);
  if (limited) return { error: limited, email: email.data };
  await resendEmailVerification(email.data);
  return {
    notice: `If ${email.data} has an account waiting for verification, we sent it a new link. It works once and expires in 24 hours.`,
    email: email.data,
  };
}

/** The emailed link plus the sign-up password: verifies the address, then signs in. */
export async function verifyEmailAction(_state: FormState, form: FormData): Promise<FormState> {
  const password = text(form, "password");
  let destination: { email: string; redirectTo: string };
  const limited = await throttled(authLimits.verification, `token:${text(form, "token").slice(0, 64)}`);
  if (limited) return { error: limited };
  try {
    const { user, org, joined, callbackUrl } = await completeEmailVerification(text(form, "token"), password);
    // Their own new org first, else one their address's domain joined them to.
    const home = org ?? joined[0];
    destination = { email: user.email, redirectTo: callbackUrl ?? (home ? `/${home.slug}` : "/") };
  } catch (error) {
    if (error instanceof AppError) {
      return error.code === "forbidden" ? { fieldErrors: { password: error.message } } : { error: error.message };
    }
    throw error;
  }
  await signIn("credentials", { email: destination.email, password, redirectTo: destination.redirectTo });
  return {};
}

export async function sendSignInLink(_state: FormState, form: FormData): Promise<FormState> {
  const email = z.email().safeParse(text(form, "email").trim().toLowerCase());
  if (!email.success) return { fieldErrors: { email: "Enter a valid email address." }, email: text(form, "email") };
  const limited = await throttled(authLimits.magicLink, email.data);
  if (limited) return { error: limited, email: email.data };
  try {
    await signIn("email", { email: email.data, redirectTo: safeCallback(form.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof AuthError)
      return { error: "We could not send the link. Try again in a moment.", email: email.data };
    throw error;
  }
  return {};
}

export async function signUpAction(_state: FormState, form: FormData): Promise<FormState> {
  if (!env.SIGNUP_ENABLED) return { error: "Sign-up is closed. Ask an administrator for an invitation." };
  // What comes back with a refusal: the form as typed, password aside.
  const typed = { name: text(form, "name"), email: text(form, "email"), orgName: text(form, "orgName") };
  const parsed = signUpInput.safeParse({
    name: typed.name,
    email: typed.email,
    password: text(form, "password"),
    // Optional: someone joining their team's organization needs none of their own.
    orgName: typed.orgName.trim() === "" ? undefined : typed.orgName,
  });
  if (!parsed.success) {
    return {
      fieldErrors: Object.fromEntries(zodIssues(parsed.error).map((issue) => [issue.path, issue.message])),
      ...typed,
    };
  }
  const limited = await throttled(authLimits.signUp, parsed.data.email);
  if (limited) return { error: limited, ...typed };
  const callback = safeCallback(form.get("callbackUrl"));
  let created: Awaited<ReturnType<typeof signUp>>;
  try {
    created = await signUp(parsed.data, {
      callbackUrl: callback === "/" ? undefined : callback,
      // Arriving from an invitation link addressed to this email proves the mailbox already.
      invitationToken: invitationTokenFromCallback(callback),
    });
  } catch (error) {
    if (error instanceof AppError) return { fieldErrors: { email: error.message }, ...typed };
    return { error: unexpectedFormError(error), ...typed };
  }
  // No session until the emailed link proves the address.
  if (!created.verified) redirect(`/verify-email?email=${encodeURIComponent(parsed.data.email)}`);
  const landing = created.org ?? created.joined[0];
  const home = landing ? `/${landing.slug}` : "/orgs/new";
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: callback === "/" ? home : callback,
  });
  return {};
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}
