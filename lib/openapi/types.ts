import type { JsonSchema } from "@/lib/openapi/json-schema";

/** The parts of OpenAPI 3.1 this API's document uses. */
export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<Lowercase<HttpMethodName>, OpenApiOperation>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, SecurityScheme>;
  };
  security: SecurityRequirement[];
}

type HttpMethodName = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type SecurityRequirement = Record<string, string[]>;

export type SecurityScheme =
  | { type: "http"; scheme: "bearer"; bearerFormat?: string; description: string }
  | { type: "apiKey"; in: "header" | "cookie"; name: string; description: string };

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiResponse {
  description: string;
  content?: { "application/json": { schema: JsonSchema } };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, OpenApiResponse>;
  security: SecurityRequirement[];
  /** The permission the route checks (lib/auth/permissions.ts). */
  "x-permission": string;
  /** Whether an API token holding that scope may call it; otherwise members only. */
  "x-token-scope": boolean;
}
