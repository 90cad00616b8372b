import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";

// Secret columns are omitted from every query by default; the few places that need one
// (password check, token lookup, signing) ask for it with `omit: { column: false }`.
const omitSecrets = {
  user: { passwordHash: true },
  apiToken: { tokenHash: true },
  invitation: { tokenHash: true },
  emailVerification: { tokenHash: true },
  email: { bodyEncrypted: true },
  webhook: {
    secretEncrypted: true,
    previousSecretEncrypted: true,
    tokenEncrypted: true,
    basicAuthEncrypted: true,
    secretHeadersEncrypted: true,
    followUpCredentialsEncrypted: true,
  },
} as const;

function createClient() {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter, omit: omitSecrets });
}

export type Db = ReturnType<typeof createClient>;

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForDb = globalThis as unknown as { webhookHubDb?: Db };
export const db: Db = globalForDb.webhookHubDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.webhookHubDb = db;
