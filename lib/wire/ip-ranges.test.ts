import { describe, expect, it } from "vitest";
import { ipv6Words, nonGlobalReason } from "@/lib/wire/ip-ranges";

// Each range by hand from the IANA registries, with its first, a middle and its last address.
const blockedRanges: [range: string, description: string, addresses: string[]][] = [
  ["0.0.0.0/32", "the unspecified address", ["0.0.0.0"]],
  ["0.0.0.0/8", 'a "this network" address', ["0.0.0.1", "0.128.0.0", "0.255.255.255"]],
  ["10.0.0.0/8", "a private address", ["10.0.0.0", "10.128.7.1", "10.255.255.255"]],
  ["172.16.0.0/12", "a private address", ["172.16.0.0", "172.24.1.1", "172.31.255.255"]],
  ["192.168.0.0/16", "a private address", ["192.168.0.0", "192.168.1.1", "192.168.255.255"]],
  ["100.64.0.0/10", "a shared (CGNAT) address", ["100.64.0.0", "100.100.100.200", "100.127.255.255"]],
  ["127.0.0.0/8", "a loopback address", ["127.0.0.0", "127.0.0.1", "127.255.255.255"]],
  ["169.254.169.254/32", "a cloud metadata address", ["169.254.169.254"]],
  ["169.254.0.0/16", "a link-local address", ["169.254.0.0", "169.254.100.1", "169.254.255.255"]],
  ["192.0.0.0/24", "an IETF protocol address", ["192.0.0.0", "192.0.0.170", "192.0.0.255"]],
  ["192.0.2.0/24", "a documentation address", ["192.0.2.0", "192.0.2.99", "192.0.2.255"]],
  ["198.51.100.0/24", "a documentation address", ["198.51.100.0", "198.51.100.7", "198.51.100.255"]],
  ["203.0.113.0/24", "a documentation address", ["203.0.113.0", "203.0.113.128", "203.0.113.255"]],
  ["192.88.99.0/24", "a 6to4 relay anycast address", ["192.88.99.0", "192.88.99.1", "192.88.99.255"]],
  ["198.18.0.0/15", "a benchmarking address", ["198.18.0.0", "198.19.0.1", "198.19.255.255"]],
  ["224.0.0.0/4", "a multicast address", ["224.0.0.0", "232.1.2.3", "239.255.255.255"]],
  ["240.0.0.0/4", "a reserved address", ["240.0.0.0", "250.1.2.3", "255.255.255.254"]],
  ["255.255.255.255/32", "the broadcast address", ["255.255.255.255"]],

  ["::/128", "the unspecified address", ["::"]],
  ["::1/128", "a loopback address", ["::1"]],
  ["fd00:ec2::254/128", "a cloud metadata address", ["fd00:ec2::254"]],
  ["fd20:ce::254/128", "a cloud metadata address", ["fd20:ce::254"]],
  ["fc00::/7", "a unique-local address", ["fc00::", "fd12:3456::1", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]],
  ["fe80::/10", "a link-local address", ["fe80::", "fe80::1", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]],
  ["fec0::/10", "a site-local address", ["fec0::", "fed0::1", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]],
  ["ff00::/8", "a multicast address", ["ff00::", "ff02::1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]],
  ["100::/64", "a discard-only address", ["100::", "100::1", "100::ffff:ffff:ffff:ffff"]],
  [
    "64:ff9b:1::/48",
    "a local-use NAT64 address",
    ["64:ff9b:1::", "64:ff9b:1:1::a00:1", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff"],
  ],
  [
    "2001:db8::/32",
    "a documentation address",
    ["2001:db8::", "2001:db8:1::1", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"],
  ],
  ["3fff::/20", "a documentation address", ["3fff::", "3fff:800::1", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff"]],
  ["2001:2::/48", "a benchmarking address", ["2001:2::", "2001:2:0:1::1", "2001:2:0:ffff:ffff:ffff:ffff:ffff"]],
  [
    "2001::/32",
    "a Teredo tunnel address",
    ["2001::", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff"],
  ],
  ["2001::/23", "an IETF protocol address", ["2001:1::", "2001:10::1", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff"]],
  [
    "outside 2000::/3",
    "not a global unicast address",
    ["1::", "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "4000::", "5f00::1", "::ffff:0:a00:1"],
  ],
];

// IPv6 forms that carry an IPv4 address: the IPv4 address decides.
const blockedEmbeddings: [address: string, reason: string][] = [
  ["::ffff:127.0.0.1", "::ffff:127.0.0.1 is an IPv4-mapped form of 127.0.0.1, a loopback address"],
  ["::ffff:7f00:1", "::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1, a loopback address"],
  [
    "0:0:0:0:0:ffff:a9fe:a9fe",
    "0:0:0:0:0:ffff:a9fe:a9fe is an IPv4-mapped form of 169.254.169.254, a cloud metadata address",
  ],
  ["::ffff:0:0", "::ffff:0:0 is an IPv4-mapped form of 0.0.0.0, the unspecified address"],
  ["::ffff:ffff:ffff", "::ffff:ffff:ffff is an IPv4-mapped form of 255.255.255.255, the broadcast address"],
  ["::7f00:1", "::7f00:1 is an IPv4-compatible form of 127.0.0.1, a loopback address"],
  ["::10.1.2.3", "::10.1.2.3 is an IPv4-compatible form of 10.1.2.3, a private address"],
  ["::808:808", "::808:808 is not a global unicast address"],
  ["64:ff9b::7f00:1", "64:ff9b::7f00:1 is a NAT64 form of 127.0.0.1, a loopback address"],
  ["64:ff9b::192.168.0.1", "64:ff9b::192.168.0.1 is a NAT64 form of 192.168.0.1, a private address"],
  ["2002:7f00:1::", "2002:7f00:1:: is a 6to4 form of 127.0.0.1, a loopback address"],
  ["2002:a9fe:a9fe:1::1", "2002:a9fe:a9fe:1::1 is a 6to4 form of 169.254.169.254, a cloud metadata address"],
  ["2002:6440:1::", "2002:6440:1:: is a 6to4 form of 100.64.0.1, a shared (CGNAT) address"],
];

// Public addresses, including the neighbours of blocked ranges.
const globalAddresses = [
  "8.8.8.8",
  "1.1.1.1",
  "1.0.0.0",
  "9.255.255.255",
  "11.0.0.0",
  "100.63.255.255",
  "100.128.0.0",
  "126.255.255.255",
  "128.0.0.0",
  "169.253.255.255",
  "169.255.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "192.0.1.255",
  "192.0.3.0",
  "192.167.255.255",
  "192.169.0.0",
  "198.17.255.255",
  "198.20.0.0",
  "223.255.255.255",
  "2606:4700:4700::1111",
  "2001:4860:4860::8888",
  "2000::",
  "2001:200::",
  "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff",
  "2001:db9::",
  "3ffe::1",
  "3fff:1000::",
  "::ffff:8.8.8.8",
  "64:ff9b::808:808",
  "2002:808:808::1",
];

describe("nonGlobalReason", () => {
  describe.each(blockedRanges)("%s", (_range, description, addresses) => {
    it.each(addresses)(`%s is ${description}`, (address) => {
      expect(nonGlobalReason(address)).toBe(`${address} is ${description}`);
    });
  });

  it.each(blockedEmbeddings)("sees the IPv4 address inside %s", (address, reason) => {
    expect(nonGlobalReason(address)).toBe(reason);
  });

  it.each(globalAddresses)("lets the global address %s through", (address) => {
    expect(nonGlobalReason(address)).toBeNull();
  });
});

describe("ipv6Words", () => {
  it.each([
    ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["fe80::", [0xfe80, 0, 0, 0, 0, 0, 0, 0]],
    ["2002:7f00:1::", [0x2002, 0x7f00, 1, 0, 0, 0, 0, 0]],
    ["::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]],
    ["1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]],
    ["1:2::7:8", [1, 2, 0, 0, 0, 0, 7, 8]],
  ])("reads %s", (address, words) => {
    expect(ipv6Words(address)).toEqual(words);
  });
});
