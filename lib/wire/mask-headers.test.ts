import { describe, expect, it } from "vitest";
import { maskHeaders } from "@/lib/wire/mask-headers";

describe("maskHeaders", () => {
  it("keeps the scheme of an Authorization header, never its credentials", () => {
    expect(maskHeaders({ authorization: "Bearer tok_live_abc123" })).toEqual({ authorization: "Bearer ••••" });
    expect(maskHeaders({ Authorization: "Basic dXNlcjpwYXNz" })).toEqual({ Authorization: "Basic ••••" });
    expect(maskHeaders({ authorization: "just-a-token" })).toEqual({ authorization: "••••" });
  });

  it("keeps the version of each Standard Webhooks signature, never the signature", () => {
    expect(maskHeaders({ "webhook-signature": "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1,bm9wZQ==" })).toEqual(
      { "webhook-signature": "v1,•••• v1,••••" },
    );
  });

  it("masks the product tokens and hex signatures", () => {
    const masked = maskHeaders({
      "x-codescoring-authentication": "cs-token",
      "x-deepsource-signature": "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
      "x-sonar-webhook-hmac-sha256": "927f541447c7ada89ffd4765bc5d85a4281b43b4834678746d8f4a94a8732b89",
    });
    expect(Object.values(masked)).toEqual(["••••", "••••", "••••"]);
  });

  it("masks extra headers whose names suggest a secret", () => {
    const names = [
      "X-Api-Key",
      "x-auth-token",
      "X-Webhook-Secret",
      "x-client-password",
      "x-signature",
      "Cookie",
      "x-session-id",
    ];
    const masked = maskHeaders(Object.fromEntries(names.map((name) => [name, "hunter2"])));
    expect(masked).toEqual(Object.fromEntries(names.map((name) => [name, "••••"])));
  });

  it("leaves every other header as sent", () => {
    const plain = {
      "content-type": "application/json; charset=utf-8",
      "user-agent": "WebhookHub/1.0",
      "webhook-id": "dlv_1",
      "webhook-timestamp": "1767225600",
      "x-sonarqube-project": "billing",
      "x-team": "payments",
    };
    expect(maskHeaders(plain)).toEqual(plain);
  });
});
