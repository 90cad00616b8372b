import type { Metadata } from "next";
import { CheckEmailCard } from "@/components/auth/check-email-card";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return <CheckEmailCard>We sent you a sign-in link. It works once and expires in 24 hours.</CheckEmailCard>;
}
