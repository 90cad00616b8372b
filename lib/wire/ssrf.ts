import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { nonGlobalReason, nonGlobalRule } from "@/lib/wire/ip-ranges";
import { env } from "@/lib/env";

/**
 * Delivery refused to reach an address; `reason` says why, e.g. "127.0.0.1 is a loopback address"
 * for an IP literal the tenant wrote, but only the rule for a name ("intranet.example resolves to a
 * loopback address"): the resolved address stays in `address`, for logs, never in `reason`.
 */
export class BlockedAddressError extends Error {
  constructor(
    readonly address: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = "BlockedAddressError";
  }
}

/** A host name did not resolve. Not a refusal: the name may resolve later. */
export class DnsLookupError extends Error {
  constructor(
    readonly hostname: string,
    readonly code: string = "ENOTFOUND",
    options?: ErrorOptions,
  ) {
    super(`${hostname} could not be resolved (${code})`, options);
    this.name = "DnsLookupError";
  }
}

/** Networks an operator lets delivery reach although they are not public. */
export interface AllowList {
  includes(address: string): boolean;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to; injectable so tests can answer as a rebinding DNS server would. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = async (hostname) => {
  const answers = await lookup(hostname, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

const ipFamily = (address: string) => (isIP(address) === 6 ? "ipv6" : "ipv4");

/** Parses comma-separated CIDRs ("127.0.0.0/8, ::1/128"); an empty string allows nothing extra. */
export function parseAllowList(cidrs: string): AllowList {
  const networks = new BlockList();
  for (const cidr of cidrs
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean))
    addCidr(networks, cidr);
  return { includes: (address) => networks.check(address, ipFamily(address)) };
}

function addCidr(networks: BlockList, cidr: string) {
  const [network = "", prefix = "", ...rest] = cidr.split("/");
  const family = network.includes("%") ? 0 : isIP(network);
  const maxPrefix = family === 4 ? 32 : 128;
  if (family === 0 || rest.length > 0 || !/^\d{1,3}$/.test(prefix) || Number(prefix) > maxPrefix) {
    throw new Error(`"${cidr}" is not a CIDR range such as 10.0.0.0/8 or fd00::/8`);
  }
  networks.addSubnet(network, Number(prefix), ipFamily(network));
}

let envAllowList: AllowList | undefined;

/** The operator's allow-list from DELIVERY_ALLOWED_CIDRS, parsed once. */
export function allowListFromEnv(): AllowList {
  if (!envAllowList) {
    try {
      envAllowList = parseAllowList(env.DELIVERY_ALLOWED_CIDRS);
    } catch (error) {
      throw new Error(`DELIVERY_ALLOWED_CIDRS: ${(error as Error).message}`);
    }
  }
  return envAllowList;
}

/** Throws BlockedAddressError unless the address is global unicast or allow-listed. */
export function checkAddress(ip: string, allow: AllowList): void {
  const address = ip.replace(/%.*$/, "");
  if (!isIP(address)) throw new BlockedAddressError(ip, `${ip} is not an IP address`);
  if (allow.includes(address)) return;
  const reason = nonGlobalReason(address);
  if (reason) throw new BlockedAddressError(ip, reason);
}

async function resolveName(hostname: string, resolve: Resolver): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DnsLookupError(hostname, typeof code === "string" ? code : undefined, { cause: error });
  }
  if (addresses.length === 0) throw new DnsLookupError(hostname);
  return addresses;
}

/**
 * The addresses a host (an IP literal or a name) may be reached at. When a name resolves to several
 * addresses and any of them is blocked, the name is refused rather than narrowed to the good ones:
 * a name that mixes public and private answers is misconfigured or probing the network, and a
 * socket's fallback between addresses must never be able to land on the blocked one.
 */
async function vettedAddresses(host: string, allow: AllowList, resolve: Resolver): Promise<ResolvedAddress[]> {
  const hostname = host.replace(/^\[(.*)\]$/, "$1");
  const literalFamily = isIP(hostname);
  if (literalFamily !== 0) {
    checkAddress(hostname, allow);
    return [{ address: hostname, family: literalFamily === 6 ? 6 : 4 }];
  }
  const addresses = await resolveName(hostname, resolve);
  for (const { address } of addresses) {
    try {
      checkAddress(address, allow);
    } catch (error) {
      if (!(error instanceof BlockedAddressError)) throw error;
      const rule = nonGlobalRule(address.replace(/%.*$/, "")) ?? "not an address delivery may reach";
      throw new BlockedAddressError(address, `${hostname} resolves to ${rule}`);
    }
  }
  return addresses;
}

function requestedFamily(family: number | string | undefined): 4 | 6 | null {
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return null;
}

/**
 * Drop-in for net.connect/undici `connect.lookup`: resolves, vets every address, calls back with the
 * first allowed one (all of them when asked for all), or with a BlockedAddressError or
 * DnsLookupError. The socket connects to exactly the vetted answer: there is no second lookup for
 * a rebinding DNS server to change. net.connect does not call `lookup` for an IP-literal host, so
 * check literals with checkAddress (guardedConnector does both).
 */
export function guardedLookup(allow: AllowList, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    vettedAddresses(hostname, allow, resolve).then(
      (addresses) => {
        const family = requestedFamily(options.family);
        const usable = family ? addresses.filter((answer) => answer.family === family) : addresses;
        const [first] = usable;
        if (!first) callback(new DnsLookupError(hostname), "");
        else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ""),
    );
  };
}

/**
 * Save-time check of a webhook URL: its host literal, or every address its name resolves to.
 * Rejects with BlockedAddressError, or DnsLookupError when the name does not resolve.
 */
export async function checkTargetUrl(url: string, allow: AllowList, resolve: Resolver = systemResolver): Promise<void> {
  await vettedAddresses(new URL(url).hostname, allow, resolve);
}
