// @vitest-environment happy-dom
import { cleanup, render, screen, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, test } from "vitest";
import { ApiReference } from "@/components/api-reference/api-reference";
import { fieldRows } from "@/components/api-reference/schema-fields";
import { buildOpenApiDocument } from "@/lib/openapi/document";

const document = buildOpenApiDocument();

afterEach(cleanup);

describe("the API reference page", () => {
  test("renders every operation under its tag, with permissions, fields and errors", () => {
    render(createElement(ApiReference, { document }));
    const sidebar = screen.getByRole("navigation", { name: "API reference" });
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        // The sidebar links to the operation's own section, which names it and its path.
        const link = within(sidebar).getByRole("link", { name: `${method.toUpperCase()} ${operation.summary}` });
        expect(link.getAttribute("href")).toBe(`#${operation.operationId}`);
        const section = window.document.getElementById(operation.operationId);
        expect(section).not.toBeNull();
        const inSection = within(section!);
        inSection.getByRole("heading", { level: 3, name: operation.summary });
        inSection.getByText(path, { selector: "code" });
        inSection.getByText(operation["x-token-scope"] ? "API tokens with this scope" : "Signed-in members only");
      }
    }
    expect(screen.getByRole("link", { name: "OpenAPI JSON" }).getAttribute("href")).toBe("/api/v1/openapi.json");
    expect(screen.getByRole("region", { name: "API tokens" }).id).toBe("tag-api-tokens");
    expect(screen.getAllByText("Signed-in members only").length).toBeGreaterThan(0);
    expect(screen.getAllByText("API tokens with this scope").length).toBeGreaterThan(0);

    // Fields are tables named for what they describe; errors list their codes.
    const createProject = within(window.document.getElementById("createProject")!);
    const body = createProject.getByRole("table", { name: "Request body of POST /api/v1/projects" });
    expect(
      within(body)
        .getAllByRole("columnheader")
        .map((header) => header.textContent),
    ).toEqual(["Name", "Type", "Description"]);
    expect(within(body).getByRole("row", { name: /^key required string/ })).toBeDefined();
    expect(createProject.getByText("payload_too_large", { selector: "code" })).toBeDefined();
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
    expect(webhookInput.find((row) => row.name === "projectId")).toMatchObject({
      type: "string | null",
      required: false,
    });
    expect(webhookInput.find((row) => row.name === "projectId")?.notes).toEqual([
      "default: null",
      "at most 64 characters",
    ]);
    expect(webhookInput.find((row) => row.name === "format")?.notes[0]).toMatch(/^one of: "standard"/);
    expect(webhookInput.find((row) => row.name === "headers")?.type).toBe("map of string");
  });
});
