import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/orgs/orgs";

// "/" sends people where they belong: sign-in, their first organization, or creating one.
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listUserOrganizations(user.id);
  redirect(first ? `/${first.slug}` : "/orgs/new");
}
