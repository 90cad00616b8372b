import "server-only";
import { AppError } from "@/lib/http/errors";
import { toErrorResponse } from "@/lib/http/respond";

// Unknown API paths answer in the API's error shape, never with Next's HTML 404 page.
async function unknownRoute(): Promise<Response> {
  return toErrorResponse(new AppError("not_found", "No such API route."));
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
