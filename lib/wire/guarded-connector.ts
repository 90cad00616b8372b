import "server-only";
import { isIP } from "node:net";
import { buildConnector } from "undici";
import { checkAddress, guardedLookup, type AllowList, type Resolver } from "@/lib/wire/ssrf";

/**
 * An undici connector (`new Agent({ connect: guardedConnector(allow) })`) that reaches only vetted
 * addresses. net.connect skips `lookup` when the host is an IP literal, so guardedLookup alone
 * would let http://127.0.0.1/ through; this connector checks literals itself.
 */
export function guardedConnector(
  allow: AllowList,
  resolve?: Resolver,
  options: buildConnector.BuildOptions = {},
): buildConnector.connector {
  const connect = buildConnector({ ...options, lookup: guardedLookup(allow, resolve) });
  return (target, callback) => {
    if (isIP(target.hostname) !== 0) {
      try {
        checkAddress(target.hostname, allow);
      } catch (error) {
        callback(error as Error, null);
        return;
      }
    }
    connect(target, callback);
  };
}
