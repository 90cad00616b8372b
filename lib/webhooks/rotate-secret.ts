import "server-only";
import { randomBytes } from "node:crypto";
import type { WebhookFormat } from "@/generated/prisma/enums";
import { recordAudit, type Actor } from "@/lib/audit/audit";
import { encryptSecret } from "@/lib/crypto/secrets";
import { generateSecret } from "@/lib/wire/signing";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/http/errors";
import { secretProblem, type RotateSecretInput, type RotatedSecretOutput } from "@/lib/webhooks/schemas";
import { getWebhook } from "@/lib/webhooks/webhooks";

/** How long the previous secret keeps signing beside the new one, so receivers can switch without a gap. */
export const rotationOverlapMs = 24 * 60 * 60 * 1000;

/**
 * Formats whose signature header holds several signatures. DeepSource's and SonarQube's hold one,
 * so there the new secret takes over at once and no previous secret is kept.
 */
const overlappingFormats: ReadonlySet<WebhookFormat> = new Set(["standard"]);

/**
 * A fresh secret the format's receivers accept: `whsec_…` for Standard Webhooks; for the formats
 * that use the text itself as the HMAC key, 32 URL-safe random characters (DeepSource wants 16+).
 */
export function generateSecretFor(format: WebhookFormat): string {
  return format === "standard" ? generateSecret() : randomBytes(24).toString("base64url");
}

function checkGiven(format: WebhookFormat, secret: string) {
  const problem = secretProblem(format, secret);
  if (problem)
    throw new AppError("validation_failed", "The new secret will not do for this webhook.", [
      { path: "secret", message: problem },
    ]);
}

/**
 * Replaces the webhook's signing secret and, where the format has room for two signatures, keeps
 * the current one valid for `rotationOverlapMs` so requests carry both meanwhile. A second rotation
 * during an overlap drops the oldest secret. The new secret is answered this once.
 */
export async function rotateSecret(
  orgId: string,
  actor: Actor,
  id: string,
  input: RotateSecretInput,
  now = new Date(),
): Promise<RotatedSecretOutput> {
  // The answer is read in the transaction: the new secret is shown this once, so a rotation that
  // committed must never be answered with an error.
  return db.$transaction(async (tx) => {
    // Locked, so two rotations at once cannot both demote the same secret.
    const locked = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "Webhook" WHERE id = ${id} AND "orgId" = ${orgId} FOR NO KEY UPDATE`;
    if (locked.length === 0) throw notFound("Webhook");
    const stored = await tx.webhook.findFirstOrThrow({
      where: { id, orgId },
      select: { name: true, format: true, secretEncrypted: true },
    });
    if (input.secret !== undefined) checkGiven(stored.format, input.secret);
    const next = input.secret ?? generateSecretFor(stored.format);
    const previous = overlappingFormats.has(stored.format) ? stored.secretEncrypted : null;
    const previousValidUntil = previous ? new Date(now.getTime() + rotationOverlapMs) : null;
    await tx.webhook.update({
      where: { id, orgId },
      data: {
        secretEncrypted: encryptSecret(next),
        previousSecretEncrypted: previous,
        previousSecretExpiresAt: previousValidUntil,
      },
    });
    await recordAudit(
      orgId,
      actor,
      "webhook.secret_rotated",
      { type: "webhook", id },
      {
        name: stored.name,
        secret: `${input.secret === undefined ? "generated" : "given"} (value hidden)`,
        previousValidUntil: previousValidUntil?.toISOString() ?? null,
      },
      tx,
    );
    return { webhook: await getWebhook(orgId, id, tx), secret: next };
  });
}
