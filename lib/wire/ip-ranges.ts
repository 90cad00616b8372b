import { BlockList, isIPv4 } from "node:net";

// Which addresses are not global unicast, and what to call them. Sources: the IANA IPv4 and IPv6
// Special-Purpose Address Registries. A few anycast services inside reserved blocks (PCP and TURN
// in 192.0.0.0/24 and 2001::/23) are globally reachable, but no webhook receiver lives there, so
// the whole blocks are refused.

interface AddressKind {
  /** Completes the sentence "<address> is …". */
  description: string;
  ranges: BlockList;
}

function subnets(family: "ipv4" | "ipv6", cidrs: string[]): BlockList {
  const ranges = new BlockList();
  for (const cidr of cidrs) {
    const slash = cidr.indexOf("/");
    ranges.addSubnet(cidr.slice(0, slash), Number(cidr.slice(slash + 1)), family);
  }
  return ranges;
}

const ipv4 = (description: string, ...cidrs: string[]): AddressKind => ({
  description,
  ranges: subnets("ipv4", cidrs),
});
const ipv6 = (description: string, ...cidrs: string[]): AddressKind => ({
  description,
  ranges: subnets("ipv6", cidrs),
});

// In order: the first kind that holds an address names it, so specific ranges come before the
// blocks that contain them.
const ipv4Kinds: AddressKind[] = [
  // 168.63.129.16: Azure's platform address (DHCP, DNS, health probes, the VM agent), reachable from every VM.
  ipv4("a cloud metadata address", "169.254.169.254/32", "168.63.129.16/32"),
  ipv4("the unspecified address", "0.0.0.0/32"),
  ipv4('a "this network" address', "0.0.0.0/8"),
  ipv4("a private address", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
  ipv4("a shared (CGNAT) address", "100.64.0.0/10"),
  ipv4("a loopback address", "127.0.0.0/8"),
  ipv4("a link-local address", "169.254.0.0/16"),
  ipv4("an IETF protocol address", "192.0.0.0/24"),
  ipv4("a documentation address", "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"),
  ipv4("a 6to4 relay anycast address", "192.88.99.0/24"),
  ipv4("a benchmarking address", "198.18.0.0/15"),
  ipv4("a multicast address", "224.0.0.0/4"),
  ipv4("the broadcast address", "255.255.255.255/32"),
  ipv4("a reserved address", "240.0.0.0/4"),
];

const ipv6Kinds: AddressKind[] = [
  ipv6("a cloud metadata address", "fd00:ec2::254/128", "fd20:ce::254/128"),
  ipv6("the unspecified address", "::/128"),
  ipv6("a loopback address", "::1/128"),
  ipv6("a unique-local address", "fc00::/7"),
  ipv6("a link-local address", "fe80::/10"),
  ipv6("a site-local address", "fec0::/10"),
  ipv6("a multicast address", "ff00::/8"),
  ipv6("a discard-only address", "100::/64"),
  ipv6("a local-use NAT64 address", "64:ff9b:1::/48"),
  ipv6("a documentation address", "2001:db8::/32", "3fff::/20"),
  ipv6("a benchmarking address", "2001:2::/48"),
  ipv6("a Teredo tunnel address", "2001::/32"),
  ipv6("an IETF protocol address", "2001::/23"),
];

/** An IPv6 form that carries an IPv4 address inside it; the IPv4 address decides. */
interface Ipv4Embedding {
  description: string;
  prefix: BlockList;
  ipv4(words: number[]): string;
  /** Whether a connection reaches the embedded IPv4 host, so a public one may be used. */
  reachesIpv4: boolean;
}

const dottedQuad = (high: number, low: number) => [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");

function embedding(
  description: string,
  cidr: string,
  ipv4Words: [number, number],
  reachesIpv4: boolean,
): Ipv4Embedding {
  return {
    description,
    prefix: subnets("ipv6", [cidr]),
    ipv4: (words) => dottedQuad(words[ipv4Words[0]] ?? 0, words[ipv4Words[1]] ?? 0),
    reachesIpv4,
  };
}

const ipv4Embeddings: Ipv4Embedding[] = [
  embedding("an IPv4-mapped form", "::ffff:0:0/96", [6, 7], true),
  embedding("a NAT64 form", "64:ff9b::/96", [6, 7], true),
  embedding("a 6to4 form", "2002::/16", [1, 2], true),
  embedding("an IPv4-compatible form", "::/96", [6, 7], false),
];

const globalUnicast = subnets("ipv6", ["2000::/3"]);

/**
 * Why an address is not one delivery may reach ("127.0.0.1 is a loopback address"), or null when it
 * is global unicast. Takes a valid IP address without a zone id.
 */
export function nonGlobalReason(address: string): string | null {
  return isIPv4(address) ? ipv4Reason(address) : ipv6Reason(address);
}

/**
 * The rule that refuses an address ("a loopback address"), without naming it or any address inside
 * it, or null when it is global unicast: what a tenant may be told about a name they cannot see resolve.
 */
export function nonGlobalRule(address: string): string | null {
  if (isIPv4(address)) return ipv4Kind(address)?.description ?? null;
  const found = ipv6Kinds.find((candidate) => candidate.ranges.check(address, "ipv6"));
  if (found) return found.description;
  const carrier = ipv4Embeddings.find((candidate) => candidate.prefix.check(address, "ipv6"));
  if (carrier) {
    const embeddedKind = ipv4Kind(carrier.ipv4(ipv6Words(address)));
    if (embeddedKind) return `${embeddedKind.description} in ${carrier.description}`;
    if (carrier.reachesIpv4) return null;
  }
  return globalUnicast.check(address, "ipv6") ? null : "not a global unicast address";
}

function ipv4Kind(address: string): AddressKind | undefined {
  return ipv4Kinds.find((candidate) => candidate.ranges.check(address, "ipv4"));
}

function ipv4Reason(address: string): string | null {
  const found = ipv4Kind(address);
  return found ? `${address} is ${found.description}` : null;
}

function ipv6Reason(address: string): string | null {
  const found = ipv6Kinds.find((candidate) => candidate.ranges.check(address, "ipv6"));
  if (found) return `${address} is ${found.description}`;
  const carrier = ipv4Embeddings.find((candidate) => candidate.prefix.check(address, "ipv6"));
  if (carrier) {
    const embedded = carrier.ipv4(ipv6Words(address));
    const embeddedKind = ipv4Kind(embedded);
    if (embeddedKind) return `${address} is ${carrier.description} of ${embedded}, ${embeddedKind.description}`;
    if (carrier.reachesIpv4) return null;
  }
  return globalUnicast.check(address, "ipv6") ? null : `${address} is not a global unicast address`;
}

/** The eight 16-bit words of a valid IPv6 address, "::" expanded and a dotted-quad tail split. */
export function ipv6Words(address: string): number[] {
  const toWords = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((piece) => {
          if (!piece.includes(".")) return [parseInt(piece, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = piece.split(".").map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = "", tail] = address.split("::");
  if (tail === undefined) return toWords(head);
  const left = toWords(head);
  const right = toWords(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
