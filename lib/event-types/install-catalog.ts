import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { builtInCatalog } from "@/lib/event-types/catalog";
import { forgetCatalog } from "@/lib/event-types/trigger-cache";

/** Gives an org its own copy of the built-in triggers; existing ones are left as they are. */
export async function installCatalog(tx: Prisma.TransactionClient, orgId: string) {
  await tx.eventType.createMany({
    data: builtInCatalog.map((entry) => ({
      orgId,
      name: entry.name,
      source: entry.source,
      description: entry.description,
      examplePayload: entry.examplePayload as Prisma.InputJsonObject,
    })),
    skipDuplicates: true,
  });
  forgetCatalog(orgId);
}
