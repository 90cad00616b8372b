import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allowListFromEnv,
  BlockedAddressError,
  checkAddress,
  checkTargetUrl,
  DnsLookupError,
  guardedLookup,
  parseAllowList,
  type ResolvedAddress,
  type Resolver,
} from "@/lib/wire/ssrf";
import { startReceiver, type Receiver } from "@/test/receiver";

const publicOnly = parseAllowList("");

const answers =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const neverResolve: Resolver = async (hostname) => {
  throw new Error(`resolver called for ${hostname}`);
};

/** Answers each lookup with the next list in turn, as a rebinding DNS server would. */
function rebinding(...rounds: string[][]): Resolver & { calls: number } {
  const resolver = Object.assign(
    async (): Promise<ResolvedAddress[]> => {
      const round = rounds[Math.min(resolver.calls, rounds.length - 1)] ?? [];
      resolver.calls += 1;
      return round.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return resolver;
}

function refusal(run: () => unknown): BlockedAddressError {
  try {
    run();
  } catch (error) {
    if (error instanceof BlockedAddressError) return error;
    throw error;
  }
  throw new Error("expected a BlockedAddressError");
}

type LookupResult = { error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number };

function callLookup(
  lookup: LookupFunction,
  hostname: string,
  options: Parameters<LookupFunction>[1] = {},
): Promise<LookupResult> {
  return new Promise((resolve) =>
    lookup(hostname, options, (error, address, family) => resolve({ error, address, family })),
  );
}

describe("checkAddress", () => {
  it("refuses a loopback address with a readable reason", () => {
    const error = refusal(() => checkAddress("127.0.0.1", publicOnly));
    expect(error.reason).toBe("127.0.0.1 is a loopback address");
    expect(error.address).toBe("127.0.0.1");
    expect(error.message).toBe("127.0.0.1 is a loopback address");
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"])("allows the public address %s", (address) => {
    expect(() => checkAddress(address, publicOnly)).not.toThrow();
  });

  it("judges a scoped IPv6 address without its zone", () => {
    expect(refusal(() => checkAddress("fe80::1%eth0", publicOnly)).reason).toBe("fe80::1 is a link-local address");
  });

  it("refuses what is not an IP address", () => {
    expect(refusal(() => checkAddress("localhost", publicOnly)).reason).toBe("localhost is not an IP address");
  });
});

describe("allow-list", () => {
  const loopback = parseAllowList(" 127.0.0.0/8 , ::1/128 ");

  it.each(["127.0.0.1", "127.255.255.254", "::1", "::ffff:127.0.0.1"])(
    "lets the allow-listed %s through",
    (address) => {
      expect(() => checkAddress(address, loopback)).not.toThrow();
    },
  );

  it.each([
    ["10.0.0.1", "10.0.0.1 is a private address"],
    ["169.254.169.254", "169.254.169.254 is a cloud metadata address"],
    ["::2", '::2 is an IPv4-compatible form of 0.0.0.2, a "this network" address'],
    ["fd00::1", "fd00::1 is a unique-local address"],
  ])("still refuses %s", (address, reason) => {
    expect(refusal(() => checkAddress(address, loopback)).reason).toBe(reason);
  });

  it("accepts an empty list", () => {
    expect(parseAllowList(" , ").includes("127.0.0.1")).toBe(false);
  });

  it.each([
    "10.0.0.0/33",
    "::1/129",
    "10.0.0.0",
    "0177.0.0.1/8",
    "example.com/8",
    "10.0.0.0/8/8",
    "10.0.0.0/-1",
    "10.0.0.0/ 8",
    "fe80::%eth0/64",
  ])("rejects %s with a clear error", (cidr) => {
    expect(() => parseAllowList(`127.0.0.0/8,${cidr}`)).toThrow(
      `"${cidr}" is not a CIDR range such as 10.0.0.0/8 or fd00::/8`,
    );
  });

  it("reads DELIVERY_ALLOWED_CIDRS once (the tests set loopback)", () => {
    const fromEnv = allowListFromEnv();
    expect(allowListFromEnv()).toBe(fromEnv);
    expect(fromEnv.includes("127.0.0.1")).toBe(true);
    expect(fromEnv.includes("::1")).toBe(true);
    expect(fromEnv.includes("10.0.0.1")).toBe(false);
  });
});

describe("checkTargetUrl", () => {
  // WHATWG URL parsing turns every one of these into a plain address; the guard must judge that.
  it.each([
    ["http://2130706433/", "127.0.0.1 is a loopback address"],
    ["http://0177.0.0.1/", "127.0.0.1 is a loopback address"],
    ["http://0x7f.1/", "127.0.0.1 is a loopback address"],
    ["http://0x7f.0x0.0.1/", "127.0.0.1 is a loopback address"],
    ["http://127.1/", "127.0.0.1 is a loopback address"],
    ["http://017700000001/", "127.0.0.1 is a loopback address"],
    ["http://127.0.0.1./", "127.0.0.1 is a loopback address"],
    ["http://127.0.0.1%2e/", "127.0.0.1 is a loopback address"],
    ["http://１２７.０.０.１/", "127.0.0.1 is a loopback address"],
    ["http://user@evil.example@127.0.0.1:8080/", "127.0.0.1 is a loopback address"],
    ["http://0/", "0.0.0.0 is the unspecified address"],
    ["http://0xa9fea9fe/", "169.254.169.254 is a cloud metadata address"],
    ["http://10.1/", "10.0.0.1 is a private address"],
    ["https://[::1]/", "::1 is a loopback address"],
    ["http://[::]/", ":: is the unspecified address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1, a loopback address"],
    ["http://[0:0:0:0:0:ffff:7f00:1]/", "::ffff:7f00:1 is an IPv4-mapped form of 127.0.0.1, a loopback address"],
    ["http://[::127.0.0.1]/", "::7f00:1 is an IPv4-compatible form of 127.0.0.1, a loopback address"],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"],
    ["http://[64:ff9b::10.0.0.1]/", "64:ff9b::a00:1 is a NAT64 form of 10.0.0.1, a private address"],
  ])("sees through %s", async (url, reason) => {
    await expect(checkTargetUrl(url, publicOnly, neverResolve)).rejects.toEqual(
      expect.objectContaining({ name: "BlockedAddressError", reason }),
    );
  });

  it("accepts a public address literal without resolving anything", async () => {
    await expect(
      checkTargetUrl("https://[2606:4700:4700::1111]/hook", publicOnly, neverResolve),
    ).resolves.toBeUndefined();
    await expect(checkTargetUrl("https://8.8.8.8/hook", publicOnly, neverResolve)).resolves.toBeUndefined();
  });

  it("accepts a name whose every address is public", async () => {
    await expect(
      checkTargetUrl(
        "https://hooks.example/x",
        publicOnly,
        answers("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
      ),
    ).resolves.toBeUndefined();
  });

  it("refuses a name when any one of its addresses is blocked, naming the rule but not the address (issue 11, item 11)", async () => {
    const refused = checkTargetUrl("https://mixed.example/", publicOnly, answers("93.184.215.14", "10.0.0.7"));
    await expect(refused).rejects.toEqual(
      expect.objectContaining({ reason: "mixed.example resolves to a private address", address: "10.0.0.7" }),
    );
    for (const [address, rule] of [
      ["127.0.0.1", "a loopback address"],
      ["::ffff:192.168.1.1", "a private address in an IPv4-mapped form"],
      ["168.63.129.16", "a cloud metadata address"],
    ]) {
      const error = await checkTargetUrl("https://intranet.example/", publicOnly, answers(address!)).catch(
        (caught: unknown) => caught as BlockedAddressError,
      );
      expect(error).toBeInstanceOf(BlockedAddressError);
      expect((error as BlockedAddressError).reason).toBe(`intranet.example resolves to ${rule}`);
      expect((error as BlockedAddressError).reason).not.toContain(address!.replace("::ffff:", ""));
    }
  });

  it("refuses Azure's platform address 168.63.129.16 (issue 11, item 11)", () => {
    expect(refusal(() => checkAddress("168.63.129.16", publicOnly)).reason).toBe(
      "168.63.129.16 is a cloud metadata address",
    );
  });

  it("refuses localhost as the system resolver answers it", async () => {
    await expect(checkTargetUrl("http://localhost:3000/", publicOnly)).rejects.toThrow(BlockedAddressError);
  });

  it("lets an allow-listed name through", async () => {
    await expect(
      checkTargetUrl("http://localhost:3000/", parseAllowList("127.0.0.0/8,::1/128"), answers("127.0.0.1", "::1")),
    ).resolves.toBeUndefined();
  });

  it("reports a name that does not resolve as a DNS failure, not a refusal", async () => {
    const notFound = Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example"), { code: "ENOTFOUND" });
    const failing: Resolver = async () => {
      throw notFound;
    };
    const error = await checkTargetUrl("https://nowhere.example/", publicOnly, failing).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DnsLookupError);
    expect(error).toMatchObject({ hostname: "nowhere.example", code: "ENOTFOUND", cause: notFound });
    await expect(checkTargetUrl("https://empty.example/", publicOnly, answers())).rejects.toMatchObject({
      name: "DnsLookupError",
      code: "ENOTFOUND",
    });
  });

  it("reports an unresolvable name through the system resolver as a DNS failure", async () => {
    await expect(checkTargetUrl("https://no-such-host.invalid/", publicOnly)).rejects.toBeInstanceOf(DnsLookupError);
  });
});

describe("guardedLookup", () => {
  it("calls back with the first vetted address, or all of them when asked", async () => {
    const lookup = guardedLookup(publicOnly, answers("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
    expect(await callLookup(lookup, "hooks.example")).toEqual({ error: null, address: "93.184.215.14", family: 4 });
    expect(await callLookup(lookup, "hooks.example", { all: true })).toEqual({
      error: null,
      address: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
      ],
      family: undefined,
    });
  });

  it("honours the family the socket asks for", async () => {
    const lookup = guardedLookup(publicOnly, answers("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
    expect(await callLookup(lookup, "hooks.example", { family: 6 })).toMatchObject({
      address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
      family: 6,
    });
    const v4Only = guardedLookup(publicOnly, answers("93.184.215.14"));
    expect((await callLookup(v4Only, "hooks.example", { family: 6 })).error).toBeInstanceOf(DnsLookupError);
  });

  it("hands a blocked answer back as a BlockedAddressError", async () => {
    const { error } = await callLookup(guardedLookup(publicOnly, answers("169.254.169.254")), "metadata.example");
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(error).toMatchObject({
      reason: "metadata.example resolves to a cloud metadata address",
      address: "169.254.169.254",
    });
  });

  it("vets an address literal without resolving it", async () => {
    expect((await callLookup(guardedLookup(publicOnly, neverResolve), "127.0.0.1")).error).toBeInstanceOf(
      BlockedAddressError,
    );
    expect(await callLookup(guardedLookup(publicOnly, neverResolve), "8.8.8.8")).toEqual({
      error: null,
      address: "8.8.8.8",
      family: 4,
    });
  });

  it("defeats rebinding: the send-time lookup vets its own answer, whatever the save-time check saw", async () => {
    const resolver = rebinding(["93.184.215.14"], ["127.0.0.1"]);
    await expect(checkTargetUrl("http://rebind.example/", publicOnly, resolver)).resolves.toBeUndefined();
    const { error, address } = await callLookup(guardedLookup(publicOnly, resolver), "rebind.example");
    expect(error).toBeInstanceOf(BlockedAddressError);
    expect(address).toBe("");
    expect(resolver.calls).toBe(2);
  });
});

describe("guardedLookup under undici", () => {
  let receiver: Receiver;
  let port: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(() => receiver.close());

  async function get(lookup: LookupFunction) {
    const agent = new Agent({ connect: { lookup } });
    try {
      const response = await request(`http://rebind.test:${port}/hook`, { dispatcher: agent });
      await response.body.dump();
      return response.statusCode;
    } finally {
      await agent.close();
    }
  }

  it("reaches a loopback receiver when 127.0.0.0/8 is allow-listed", async () => {
    const before = receiver.requests.length;
    expect(await get(guardedLookup(parseAllowList("127.0.0.0/8"), answers("127.0.0.1")))).toBe(200);
    expect(receiver.requests.length).toBe(before + 1);
  });

  it("fails with BlockedAddressError when it is not, and sends nothing", async () => {
    const before = receiver.requests.length;
    await expect(get(guardedLookup(publicOnly, answers("127.0.0.1")))).rejects.toBeInstanceOf(BlockedAddressError);
    expect(receiver.requests.length).toBe(before);
  });

  it("connects to the answer it vetted, with no second lookup to rebind", async () => {
    const before = receiver.requests.length;
    const resolver = rebinding(["127.0.0.1"], ["10.0.0.1"]);
    const lookup = guardedLookup(parseAllowList("127.0.0.0/8"), resolver);
    // rebind.test resolves nowhere else, so reaching the receiver proves the socket used our answer.
    expect(await get(lookup)).toBe(200);
    expect(resolver.calls).toBe(1);
    await expect(get(lookup)).rejects.toThrow("rebind.test resolves to a private address");
    expect(resolver.calls).toBe(2);
    expect(receiver.requests.length).toBe(before + 1);
  });
});
