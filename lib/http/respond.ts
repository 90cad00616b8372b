import "server-only";
import { ZodError } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { logger } from "@/lib/observability/logger";

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  return Response.json(data, init);
}

function errorResponse(error: AppError): Response {
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
  return Response.json(body, { status: error.status });
}

export function zodIssues(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** Turns anything thrown by a handler into the error shape; only AppError messages reach the caller. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorResponse(error);
  if (error instanceof ZodError) {
    return errorResponse(new AppError("validation_failed", "The request is not valid.", zodIssues(error)));
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    return errorResponse(new AppError("conflict", "A record with these values already exists."));
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
    return errorResponse(new AppError("not_found", "Not found."));
  }
  logger.error({ err: error }, "Unhandled error in request handler");
  return errorResponse(new AppError("internal_error", ourSide));
}

const ourSide = "Something went wrong on our side.";

/**
 * A form's server action hit an error that is not the person's (the database went away): logged,
 * and answered in words, so the form says so and keeps what was typed instead of leaving the page.
 */
export function unexpectedFormError(error: unknown): string {
  logger.error({ err: error }, "Unhandled error in a form action");
  return `${ourSide} Nothing was saved; try again.`;
}
