import { expect, test } from "@playwright/test";
import { createToken } from "./fixtures/tokens";
import { ownerOfNewOrg } from "./fixtures/accounts";

// The CodeScoring-compatible API on the production build: the seed writes every path with a
// trailing slash, and a client that does not follow redirects must get its answer at either spelling.
test("a CodeScoring client lists, creates and reads webhooks at /api/settings/webhooks/, with or without the slash, never redirected", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { slug } = await ownerOfNewOrg(page, { orgName: "CodeScoring Co" });
  const secret = await createToken(page, slug, "CodeScoring client", ["webhooks:write"]);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });

  const created = await api.post("/api/settings/webhooks/", {
    data: { name: "Nightly scan", url: "http://127.0.0.1:9/codescoring", projects: [], events: [], token: "cs-token" },
    maxRedirects: 0,
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const path of [
    "/api/settings/webhooks/",
    "/api/settings/webhooks",
    `/api/settings/webhooks/${id}/`,
    `/api/settings/webhooks/${id}`,
  ]) {
    const response = await api.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(JSON.stringify(await response.json()), path).toContain("Nightly scan");
  }
  // Pages keep the usual redirect to the slash-less address.
  const page308 = await api.get(`/${slug}/webhooks/`, { maxRedirects: 0 });
  expect(page308.status()).toBe(308);
  expect(page308.headers().location).toMatch(new RegExp(`/${slug}/webhooks$`));
});
