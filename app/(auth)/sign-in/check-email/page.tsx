import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent } from "@/components/ui/card";
import { MailIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <Card>
      <CardContent className="space-y-3 p-6 text-center">
        <span className="mx-auto grid size-10 place-items-center rounded-full bg-accent-50 text-accent-600">
          <MailIcon className="size-5" />
        </span>
        <h1 className="text-lg font-semibold text-zinc-900">Check your email</h1>
        <p className="text-sm text-zinc-600">We sent you a sign-in link. It works once and expires in 24 hours.</p>
        <p className="text-xs text-zinc-500">Running locally? The link is printed in the terminal that runs `npm run dev`.</p>
        <Link href="/sign-in" className="inline-block text-sm font-medium text-accent-700 hover:text-accent-800">
          Back to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
