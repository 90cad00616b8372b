import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers/email";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { hubAdapter } from "@/lib/auth/adapter";
import { safeAuthRedirect } from "@/lib/auth/callback";
import { unknownUserHash, verifyPassword } from "@/lib/auth/password";
import { authLimits, clientIp, consume, RateLimited } from "@/lib/auth/rate-limit";
import { currentSessionVersion, endAllSessions, isSessionCurrent } from "@/lib/auth/session-version";
import { sendEmail } from "@/lib/mail/send";
import { signInLinkEmail } from "@/lib/mail/templates";
import { logger } from "@/lib/observability/logger";

/** Too many sign-in attempts for this address or from this client; the form says when to try again. */
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

/** The password is right but the address is not proven yet: the sign-in form offers a new link. */
export class EmailUnverified extends CredentialsSignin {
  code = "email_unverified";
}

const credentialsInput = z.object({
  email: z.email().transform((value) => value.toLowerCase()),
  password: z.string().min(1).max(200),
});

// Magic links go through the hub's own outbox (stored, then sent over SMTP), not Auth.js's mailer.
const magicLink: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  from: env.MAIL_FROM,
  maxAge: 24 * 60 * 60,
  async sendVerificationRequest({ identifier, url, token }) {
    // Links always point at APP_URL, never at whatever Host header the request arrived with.
    const link = new URL(new URL(url).pathname + new URL(url).search, env.APP_URL).toString();
    await sendEmail({ orgId: null, kind: "sign_in_link", to: identifier, ...signInLinkEmail(link), secrets: [token] });
  },
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  // The adapter stores users and magic-link tokens; sessions are JWTs so password sign-in works too.
  adapter: hubAdapter(),
  session: { strategy: "jwt" },
  secret: env.AUTH_SECRET,
  trustHost: true,
  // A wrong password is an expected answer, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (!(error instanceof CredentialsSignin)) logger.error({ err: error }, "Auth.js error");
    },
  },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        try {
          await consume(authLimits.signIn(parsed.data.email, clientIp(request.headers)));
        } catch (error) {
          if (error instanceof RateLimited) throw new TooManyAttempts();
          throw error;
        }
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          omit: { passwordHash: false },
        });
        const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? unknownUserHash);
        if (!user?.passwordHash || !matches) throw new CredentialsSignin();
        // Checked after the password, so the answer reveals nothing to someone who lacks it.
        if (!user.emailVerified) throw new EmailUnverified();
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    magicLink,
  ],
  events: {
    // Signing out ends the user's sessions everywhere, not just this cookie. A stale cookie
    // cannot use sign-out to end the sessions that replaced it.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub && (await isSessionCurrent(token.sub, token.sv))) await endAllSessions(token.sub);
    },
  },
  callbacks: {
    async signIn({ user, account, email }) {
      if (account?.provider !== "email") return true;
      const existing = user.email ? await db.user.findUnique({ where: { email: user.email.toLowerCase() } }) : null;
      if (email?.verificationRequest) {
        // With sign-up closed, links go only to existing users and to people with an invitation.
        if (existing || env.SIGNUP_ENABLED) return true;
        return (
          (await db.invitation.count({
            where: { email: user.email?.toLowerCase(), acceptedAt: null, expiresAt: { gt: new Date() } },
          })) > 0
        );
      }
      // The first link into an unverified account proves who owns the mailbox; a password set
      // by whoever registered the address before them stops working.
      // Proving the address also ends every session opened before it was proven.
      if (existing && !existing.emailVerified) {
        await db.$transaction(async (tx) => {
          await tx.user.update({ where: { id: existing.id }, data: { passwordHash: null } });
          await endAllSessions(existing.id, tx);
        });
      }
      return true;
    },
    // Runs at sign-in (with `user`) and on every read of the session by auth(). A session carries
    // the user's session version; one that is no longer current is refused, and its cookie cleared.
    async jwt({ token, user }) {
      if (user?.id) {
        const version = await currentSessionVersion(user.id);
        return version === null ? null : { ...token, sub: user.id, sv: version };
      }
      return token.sub && (await isSessionCurrent(token.sub, token.sv)) ? token : null;
    },
    // Every redirect Auth.js makes (sign-in, sign-out, magic link) goes through the same check as the forms' callbackUrl.
    redirect: safeAuthRedirect,
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
