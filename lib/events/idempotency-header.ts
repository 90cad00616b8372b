import { AppError } from "@/lib/http/errors";
import type { PublishEventInput } from "@/lib/events/schemas";

/** The IETF draft's (and Stripe's) header; the body's `idempotencyKey` says the same thing. */
export const idempotencyHeader = "idempotency-key";

const maxKeyLength = 255;

/** The event with the header's key applied: a key given both ways must be the same key. */
export function withIdempotencyHeader(input: PublishEventInput, header: string | null): PublishEventInput {
  if (header === null) return input;
  const key = header.trim();
  if (key.length === 0 || key.length > maxKeyLength) {
    throw new AppError("validation_failed", "The Idempotency-Key header is not valid.", [
      { path: "Idempotency-Key", message: `Send 1 to ${maxKeyLength} characters.` },
    ]);
  }
  if (input.idempotencyKey !== undefined && input.idempotencyKey !== key) {
    throw new AppError("validation_failed", "The Idempotency-Key header and the body's idempotencyKey differ.", [
      { path: "idempotencyKey", message: "Send one key, or the same key in both places." },
    ]);
  }
  return { ...input, idempotencyKey: key };
}

/** A batch carries a key per item; one header cannot say which item it belongs to. */
export function refuseHeaderOnBatch(header: string | null) {
  if (header === null) return;
  throw new AppError(
    "validation_failed",
    "A batch takes idempotency keys per item, not in the Idempotency-Key header.",
    [{ path: "Idempotency-Key", message: "Put an idempotencyKey in each event instead." }],
  );
}
