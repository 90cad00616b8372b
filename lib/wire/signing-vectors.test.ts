import { readFileSync } from "node:fs";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hmacSha256Hex, signStandard } from "@/lib/wire/signing";

// The published test vectors are read from the page receivers read, so the two cannot drift.
const doc = readFileSync(path.join(import.meta.dirname, "../../docs/verifying-webhooks.md"), "utf8");

/** The code spans of each cell, by column name, for every row of the first table under the heading. */
function vectorTable(heading: string): Array<Record<string, string[]>> {
  const lines = doc.split("\n");
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`docs/verifying-webhooks.md has no "${heading}"`);
  const table: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("|")) table.push(line);
    else if (table.length > 0 || line.startsWith("#")) break;
  }
  const [header, , ...rows] = table.map((line) =>
    line
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim()),
  );
  if (!header) throw new Error(`No table under "${heading}"`);
  return rows.map((cells) =>
    Object.fromEntries(
      header.map((name, index) => [name, [...(cells[index] ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1]!)]),
    ),
  );
}

const only = (values: string[] | undefined) => {
  expect(values).toHaveLength(1);
  return values![0]!;
};

const standardVectors = vectorTable("### Standard Webhooks vectors").map((row) => ({
  secrets: row.secrets ?? [],
  msgId: only(row["webhook-id"]),
  timestamp: Number(only(row["webhook-timestamp"])),
  body: only(row.body),
  signature: only(row["webhook-signature"]),
}));
const hexVectors = vectorTable("### Hex HMAC-SHA256 vectors").map((row) => ({
  secret: only(row.secret),
  body: only(row.body),
  signature: only(row.signature),
}));

afterEach(() => {
  vi.useRealTimers();
});

describe("published Standard Webhooks vectors", () => {
  it("are there, with a rotation case of two secrets", () => {
    expect(standardVectors.length).toBeGreaterThanOrEqual(3);
    expect(
      standardVectors.some((vector) => vector.secrets.length === 2 && vector.signature.split(" ").length === 2),
    ).toBe(true);
  });

  it.each(standardVectors)("signStandard gives $signature", ({ secrets, msgId, timestamp, body, signature }) => {
    expect(signStandard({ secrets, msgId, timestamp, body })).toBe(signature);
  });

  it.each(standardVectors)(
    "the official standardwebhooks package verifies $msgId with each of its secrets, and nothing else",
    ({ secrets, msgId, timestamp, body, signature }) => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(timestamp * 1000);
      const headers = { "webhook-id": msgId, "webhook-timestamp": String(timestamp), "webhook-signature": signature };
      for (const secret of secrets) {
        expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
        expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
      }
    },
  );
});

describe("published hex HMAC-SHA256 vectors (DeepSource, SonarQube)", () => {
  it("are there", () => {
    expect(hexVectors.length).toBeGreaterThanOrEqual(3);
  });

  it.each(hexVectors)("hmacSha256Hex gives $signature", ({ secret, body, signature }) => {
    expect(hmacSha256Hex(secret, body)).toBe(signature);
  });
});
