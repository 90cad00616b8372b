import { Agent, request, type Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardedConnector } from "@/lib/wire/guarded-connector";
import { BlockedAddressError, guardedLookup, parseAllowList, type Resolver } from "@/lib/wire/ssrf";
import { startReceiver, type Receiver } from "@/test/receiver";

const publicOnly = parseAllowList("");
const loopbackAllowed = parseAllowList("127.0.0.0/8,::1/128");
const answersLoopback: Resolver = async () => [{ address: "127.0.0.1", family: 4 }];

describe("guardedConnector", () => {
  let receiver: Receiver;
  let port: string;
  beforeAll(async () => {
    receiver = await startReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(() => receiver.close());

  async function get(url: string, connect: Agent.Options["connect"]) {
    const agent: Dispatcher = new Agent({ connect });
    try {
      const response = await request(url, { dispatcher: agent });
      await response.body.dump();
      return response.statusCode;
    } finally {
      await agent.close();
    }
  }

  it("is needed: net.connect never asks guardedLookup about an IP-literal host", async () => {
    const before = receiver.requests.length;
    expect(await get(`http://127.0.0.1:${port}/hook`, { lookup: guardedLookup(publicOnly) })).toBe(200);
    expect(receiver.requests.length).toBe(before + 1);
  });

  it("refuses an IP-literal host that is not allowed, and sends nothing", async () => {
    const before = receiver.requests.length;
    await expect(get(`http://127.0.0.1:${port}/hook`, guardedConnector(publicOnly))).rejects.toThrow(
      new BlockedAddressError("127.0.0.1", "127.0.0.1 is a loopback address"),
    );
    await expect(get(`http://[::ffff:127.0.0.1]:${port}/hook`, guardedConnector(publicOnly))).rejects.toBeInstanceOf(
      BlockedAddressError,
    );
    expect(receiver.requests.length).toBe(before);
  });

  it("reaches an allow-listed IP-literal host", async () => {
    expect(await get(`http://127.0.0.1:${port}/hook`, guardedConnector(loopbackAllowed))).toBe(200);
  });

  it("vets names through guardedLookup", async () => {
    const before = receiver.requests.length;
    await expect(
      get(`http://rebind.test:${port}/hook`, guardedConnector(publicOnly, answersLoopback)),
    ).rejects.toBeInstanceOf(BlockedAddressError);
    expect(await get(`http://rebind.test:${port}/hook`, guardedConnector(loopbackAllowed, answersLoopback))).toBe(200);
    expect(receiver.requests.length).toBe(before + 1);
  });
});
