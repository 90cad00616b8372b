import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ApiReference } from "@/components/api-reference/api-reference";
import { fieldRows } from "@/components/api-reference/schema-fields";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const document = buildOpenApiDocument();

describe("the API reference page", () => {
  test("renders every operation under its tag, with permissions, fields and errors", () => {
    const html = renderToString(createElement(ApiReference, { document }));
    for (const [path, item] of Object.entries(document.paths)) {
      for (const operation of Object.values(item)) {
        expect(html).toContain(`id="${operation.operationId}"`);
        expect(html).toContain(path);
      }
    }
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain('id="tag-api-tokens"');
    expect(html).toContain("Signed-in members only");
    expect(html).toContain("API tokens with this scope");
    expect(html).toContain("payload_too_large");
  });

  test("flattens schemas into readable rows", () => {
    const createProject = fieldRows(document, { $ref: "#/components/schemas/CreateProjectInput" });
    expect(createProject.map((row) => [row.name, row.type, row.required])).toEqual([
      ["key", "string", true],
      ["name", "string", true],
    ]);
    expect(createProject[0]?.notes).toEqual(["1–100 characters", "pattern: ^[A-Za-z0-9_.:-]+$", "pattern: [^0-9]"]);

    const members = fieldRows(document, { $ref: "#/components/schemas/MemberList" });
    expect(members.map((row) => row.name)).toContain("data[].user.email");
    expect(members.find((row) => row.name === "data")?.type).toBe("Member[]");
    expect(members.find((row) => row.name === "data[].user.name")?.type).toBe("string | null");

    const webhookInput = fieldRows(document, { $ref: "#/components/schemas/WebhookInput" });
    expect(webhookInput.find((row) => row.name === "projectId")).toMatchObject({ type: "string | null", required: false });
    expect(webhookInput.find((row) => row.name === "projectId")?.notes).toEqual(["default: null", "at most 64 characters"]);
    expect(webhookInput.find((row) => row.name === "format")?.notes[0]).toMatch(/^one of: "standard"/);
    expect(webhookInput.find((row) => row.name === "headers")?.type).toBe("map of string");
  });
});
