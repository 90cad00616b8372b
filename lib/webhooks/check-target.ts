import "server-only";
import { allowListFromEnv, BlockedAddressError, checkTargetUrl } from "@/lib/wire/ssrf";
import { splitCredentials } from "@/lib/webhooks/target-url";

/**
 * Save-time SSRF check: a URL that points at a private, loopback, link-local or metadata address
 * is refused with the reason, as an issue at `path`. A name that does not resolve yet is accepted
 * (DNS may follow the webhook); every send checks the address again anyway.
 */
export async function deliveryProblem(rawUrl: string, path = "url"): Promise<{ path: string; message: string } | null> {
  try {
    await checkTargetUrl(splitCredentials(rawUrl).url, allowListFromEnv());
  } catch (error) {
    if (error instanceof BlockedAddressError)
      return { path, message: `${error.reason}; webhooks must point at a public address.` };
  }
  return null;
}
