import { MailIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent } from "@/components/ui/card";

/** "Check your email": what was sent and why, where local runs print the link, and the way back to sign-in. */
export function CheckEmailCard({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Card>
      <CardContent className="space-y-4 p-6 text-center">
        <span className="mx-auto grid size-10 place-items-center rounded-full bg-accent-50 text-accent-600 dark:text-accent-300">
          <MailIcon className="size-5" />
        </span>
        <h1 className="text-lg font-semibold text-zinc-900">Check your email</h1>
        <p className="text-sm text-zinc-600">{children}</p>
        <p className="text-xs text-zinc-500">
          Running locally? The link is printed in the terminal that runs `npm run dev`.
        </p>
        {action}
        <Link href="/sign-in" className="inline-block text-sm font-medium text-accent-700 hover:text-accent-800">
          Back to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
