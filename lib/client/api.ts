/** What a server type looks like after JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends Array<infer Item>
    ? Array<Json<Item>>
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T;

export interface FieldIssue {
  path: string;
  message: string;
}

/** An API error as the dashboard sees it: the server's code, message and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  /** Per-field messages from a 422 (zod issues) or a 409 naming its field. */
  fieldErrors(): Record<string, string> {
    if (Array.isArray(this.details)) {
      return Object.fromEntries((this.details as FieldIssue[]).map((issue) => [issue.path, issue.message]));
    }
    const field = (this.details as { field?: string } | null)?.field;
    return field ? { [field]: this.message } : {};
  }
}

/** Calls the org-scoped REST API as the signed-in member; the org travels in a header, never in the body. */
export async function apiFetch<T>(
  orgSlug: string,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`/api/v1/${path}`, {
    method: init.method ?? "GET",
    headers: { "x-organization": orgSlug, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code: string; message: string; details: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "unknown",
      error?.message ?? `Request failed (${response.status}).`,
      error?.details ?? null,
    );
  }
  return payload as T;
}

/** What a form shows for a failed mutation: messages beside their fields, or the whole message under `form`. */
export function formErrors(error: Error): Record<string, string> {
  const fields = error instanceof ApiError ? error.fieldErrors() : {};
  return Object.keys(fields).length > 0 ? fields : { form: error.message };
}
