import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { EmailConfig } from "next-auth/providers/email";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "@/lib/auth/password";
import { sendEmail } from "@/lib/mail/send";
import { signInLinkEmail } from "@/lib/mail/templates";
import { logger } from "@/lib/observability/logger";

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
  adapter: PrismaAdapter(db),
  session: { strategy: "jwt" },
  secret: env.AUTH_SECRET,
  trustHost: true,
  // A wrong password is an expected answer, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (error.name !== "CredentialsSignin") logger.error({ err: error }, "Auth.js error");
    },
  },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = credentialsInput.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          omit: { passwordHash: false },
        });
        if (!user?.passwordHash || !(await verifyPassword(parsed.data.password, user.passwordHash))) {
          throw new CredentialsSignin();
        }
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    magicLink,
  ],
  callbacks: {
    async signIn({ user, account, email }) {
      if (account?.provider !== "email") return true;
      const existing = user.email ? await db.user.findUnique({ where: { email: user.email.toLowerCase() } }) : null;
      if (email?.verificationRequest) {
        // With sign-up closed, links go only to existing users and to people with an invitation.
        if (existing || env.SIGNUP_ENABLED) return true;
        return (await db.invitation.count({ where: { email: user.email?.toLowerCase(), acceptedAt: null, expiresAt: { gt: new Date() } } })) > 0;
      }
      // The first link into an unverified account proves who owns the mailbox; a password set
      // by whoever registered the address before them stops working.
      if (existing && !existing.emailVerified) {
        await db.user.update({ where: { id: existing.id }, data: { passwordHash: null } });
      }
      return true;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
