import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import {
  incomingEventSchema,
  registrationSchema,
  type IncomingEvent,
  type Registration,
} from "@/tools/inngest-local/protocol";
import { eventTooLarge } from "@/tools/inngest-local/limits";
import { registrationBearer, sameSecret } from "@/tools/inngest-local/signing";

export interface EventApi {
  ingest(events: IncomingEvent[]): Promise<string[]>;
  register(registration: Registration): Promise<void>;
  describe(): Promise<unknown>;
  health(): Promise<unknown>;
}

/** What callers must show: the event key in `/e/<key>`, the signing key's hash as the bearer of `/fn/register`. */
export interface EventServerKeys {
  eventKey: string;
  signingKey: string;
}

export interface EventServer {
  url: string;
  close(): Promise<void>;
}

const maxBodyBytes = 4 * 1024 * 1024;

class BadRequest extends Error {}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new BadRequest(`The body is larger than ${maxBodyBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequest("The body is not JSON.");
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

const eventsBodySchema = z.union([z.array(incomingEventSchema), incomingEventSchema.transform((event) => [event])]);

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new BadRequest(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "),
    );
  return parsed.data;
}

const unauthorized = (response: ServerResponse, message: string) =>
  send(response, 401, { error: message, status: 401 });

function bearerOf(request: IncomingMessage): string {
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
}

/** The endpoints an SDK in cloud mode calls: the event API (`POST /e/<key>`) and registration (`POST /fn/register`). */
async function route(api: EventApi, keys: EventServerKeys, request: IncomingMessage, response: ServerResponse) {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const eventKey = /^\/e\/([^/]+)\/?$/.exec(path)?.[1];
  if (request.method === "POST" && eventKey !== undefined) {
    if (!sameSecret(eventKey, keys.eventKey)) return unauthorized(response, "Unknown event key.");
    const events = parse(eventsBodySchema, await readJson(request));
    const tooLarge = events.map(eventTooLarge).find((problem) => problem !== null);
    if (tooLarge) throw new BadRequest(tooLarge);
    const ids = await api.ingest(events);
    return send(response, 200, { ids, status: 200 });
  }
  if (request.method === "POST" && path === "/fn/register") {
    if (!sameSecret(bearerOf(request), registrationBearer(keys.signingKey)))
      return unauthorized(response, "Registration needs the signing key's bearer token.");
    const registration = parse(registrationSchema, await readJson(request));
    // Registration fails on the app's own config (a bad cron, say): the SDK relays our message to whoever synced.
    const problem = await api.register(registration).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    if (problem) return send(response, 400, { status: 400, error: problem });
    return send(response, 200, { status: 200, modified: true });
  }
  if (request.method === "GET" && path === "/") return send(response, 200, await api.describe());
  if (request.method === "GET" && path === "/health") return send(response, 200, await api.health());
  send(response, 404, { error: `No ${request.method} ${path} here.`, status: 404 });
}

export async function startEventServer(
  api: EventApi,
  keys: EventServerKeys,
  port: number,
  log: (message: string) => void,
): Promise<EventServer> {
  const server = createServer((request, response) => {
    route(api, keys, request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof BadRequest) return send(response, 400, { error: message, status: 400 });
      log(`event API error on ${request.method} ${request.url}: ${message}`);
      send(response, 500, { error: "The local executor could not store that.", status: 500 });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
