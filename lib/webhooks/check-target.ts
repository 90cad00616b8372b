import "server-only";
import { allowListFromEnv, BlockedAddressError, checkTargetUrl } from "@/lib/wire/ssrf";
import { AppError } from "@/lib/http/errors";
import { splitCredentials } from "@/lib/webhooks/target-url";

/**
 * Save-time SSRF check: a URL that points at a private, loopback, link-local or metadata address
 * is refused with the reason. A name that does not resolve yet is accepted (DNS may follow the
 * webhook); every send checks the address again anyway.
 */
export async function assertDeliverableUrl(rawUrl: string, path = "url"): Promise<void> {
  try {
    await checkTargetUrl(splitCredentials(rawUrl).url, allowListFromEnv());
  } catch (error) {
    if (error instanceof BlockedAddressError) {
      throw new AppError("validation_failed", "The hub does not deliver to this address.", [{ path, message: `${error.reason}; webhooks must point at a public address.` }]);
    }
  }
}
