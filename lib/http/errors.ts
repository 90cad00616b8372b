export type ErrorCode =
  | "bad_request"
  | "invalid_json"
  | "unsupported_media_type"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "limit_reached"
  | "idempotency_key_reused"
  | "payload_too_large"
  | "method_not_allowed"
  | "rate_limited"
  | "not_implemented"
  | "internal_error";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  validation_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  limit_reached: 409,
  idempotency_key_reused: 409,
  payload_too_large: 413,
  method_not_allowed: 405,
  rate_limited: 429,
  not_implemented: 501,
  internal_error: 500,
};

/** The one error type the app throws on purpose. Its message is safe to show to the caller. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
    this.name = "AppError";
    this.status = statusByCode[code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found.`);
