import { afterEach, describe, expect, it, vi } from "vitest";
import * as item from "@/app/api/v1/webhooks/[id]/route";
import * as collection from "@/app/api/v1/webhooks/route";
import { call } from "@/test/api";
import { captureLogs } from "@/test/logs";
import { createApiToken, createOrg } from "@/test/factories";

afterEach(() => vi.restoreAllMocks());

describe("webhook secrets", () => {
  it("never reach a log line, through success or failure paths", async () => {
    const lines: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) =>
          void lines.push(
            args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : JSON.stringify(arg))).join(" "),
          ),
      );
    }
    const logs = captureLogs();
    const { org } = await createOrg();
    const { token } = await createApiToken(org.id, ["webhooks:write"]);
    const secret = "logged-secret-value-0123456789";
    const created = await call("POST", collection.POST, "/", {
      token,
      body: {
        name: "logs",
        url: "https://user:logged-password@example.com/h",
        format: "deepsource",
        secret,
        token: "logged-token-value",
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await call("PATCH", item.PATCH, "/", {
      token,
      params: { id },
      body: { secret: `${secret}-2`, headers: { "Bad Header": secret } },
    });
    await call("PUT", item.PUT, "/", { token, params: { id }, body: { name: "x", url: "ftp://nope", secret } });
    await call("GET", collection.GET, "/", { token });
    logs.stop();
    const everything = [...lines, JSON.stringify(logs.lines())].join("\n");
    for (const leaked of [secret, "logged-password", "logged-token-value"]) expect(everything).not.toContain(leaked);
  });
});
