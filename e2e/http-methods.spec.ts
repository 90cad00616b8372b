import { expect, test } from "@playwright/test";

// Next.js answers a method its Request cannot carry with a 500; the hub refuses it first, in the error shape.
test("TRACE on an API route and a page is a 405 in the documented error shape, not a 500", async ({ request }) => {
  for (const path of ["/api/v1/projects", "/sign-in"]) {
    const response = await request.fetch(path, { method: "TRACE" });
    expect(response.status(), path).toBe(405);
    expect(await response.json()).toEqual({
      error: { code: "method_not_allowed", message: "This method is not supported.", details: null },
    });
  }
});
