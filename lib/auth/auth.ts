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
  async sendVerificationRequest({ identifier, url }) {
    await sendEmail({ orgId: null, kind: "sign_in_link", to: identifier, ...signInLinkEmail(url) });
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
      if (error.name !== "CredentialsSignin") console.error(error);
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
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
