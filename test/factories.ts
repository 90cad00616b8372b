import type { Prisma, Role } from "@/generated/prisma/client";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { TokenScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/orgs/orgs";
import { generateTokenSecret } from "@/lib/tokens/token-secret";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A user whose address is verified, as every user who can hold a session is; `verified: false` for one who has not proven it. */
export async function createUser(email = `user-${unique()}@example.com`, { verified = true } = {}) {
  return db.user.create({ data: { email, name: "Test User", emailVerified: verified ? new Date() : null } });
}

/** An org owned by a fresh user. */
export async function createOrg(name = `Org ${unique()}`) {
  const owner = await createUser();
  const org = await createOrganization(owner.id, owner.email, name);
  return { org, owner };
}

export async function addMember(orgId: string, role: Role) {
  const user = await createUser();
  const member = await db.member.create({ data: { orgId, userId: user.id, role } });
  return { user, member };
}

export async function createApiToken(
  orgId: string,
  scopes: TokenScope[],
  extra: { revokedAt?: Date; expiresAt?: Date } = {},
) {
  const secret = generateTokenSecret();
  const row = await db.apiToken.create({
    data: { orgId, name: `token ${unique()}`, scopes, prefix: secret.prefix, tokenHash: secret.tokenHash, ...extra },
  });
  return { row, token: secret.token };
}

export async function createProjectRow(orgId: string, key = `p-${unique()}`) {
  return db.project.create({ data: { orgId, key, name: `Project ${key}` } });
}

/** A webhook already activated, so deliveries go straight out; secrets are stored encrypted as the API would. */
export async function createActiveWebhook(
  orgId: string,
  url: string,
  settings: Partial<Prisma.WebhookUncheckedCreateInput> & { secret?: string; token?: string } = {},
) {
  const { secret, token, ...columns } = settings;
  return db.webhook.create({
    data: {
      orgId,
      name: `Webhook ${unique()}`,
      url,
      triggers: [],
      retryDelaysSeconds: [],
      status: "active",
      activatedAt: new Date(),
      secretEncrypted: secret ? encryptSecret(secret) : null,
      tokenEncrypted: token ? encryptSecret(token) : null,
      ...columns,
    },
  });
}

/** A delivery carrying the given events, written with its links as the engine writes them: together. */
export async function createDelivery(data: Prisma.DeliveryUncheckedCreateInput, eventIds: string[]) {
  return db.$transaction(async (tx) => {
    const delivery = await tx.delivery.create({ data: { eventCount: eventIds.length, ...data } });
    await tx.deliveryEvent.createMany({ data: eventIds.map((eventId) => ({ deliveryId: delivery.id, eventId })) });
    return delivery;
  });
}

export interface RecordedAttempt {
  at: Date;
  success: boolean;
  status?: number | null;
  errorClass?: string | null;
  durationMs?: number;
}

/**
 * A delivery's attempts, numbered in order, each made at its time (the rollup trigger counts them).
 * History only: the engine reads earlier tries only of deliveries whose attemptCount says they have some.
 */
export async function recordAttempts(orgId: string, deliveryId: string, attempts: RecordedAttempt[]) {
  await db.attempt.createMany({
    data: attempts.map((attempt, index) => ({
      orgId,
      deliveryId,
      number: index + 1,
      requestUrl: "https://receiver.example.com/hook",
      requestHeaders: {},
      requestBody: "{}",
      durationMs: attempt.durationMs ?? 25,
      success: attempt.success,
      responseStatus: attempt.status ?? null,
      errorClass: attempt.errorClass ?? null,
      createdAt: attempt.at,
    })),
  });
}
