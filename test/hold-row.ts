import pg from "pg";
import { env } from "@/lib/env";

const sessions: pg.Client[] = [];

/**
 * Another database session holding a webhook's row as a publish's fan-out or a round does
 * (`FOR NO KEY UPDATE`), until `release`. Call `endHeldRows` after each test.
 */
export async function holdWebhookRow(webhookId: string): Promise<{ release: () => Promise<unknown> }> {
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  sessions.push(client);
  await client.connect();
  await client.query("BEGIN");
  await client.query(`SELECT id FROM "Webhook" WHERE id = $1 FOR NO KEY UPDATE`, [webhookId]);
  return { release: () => client.query("COMMIT") };
}

export async function endHeldRows(): Promise<void> {
  await Promise.all(sessions.splice(0).map((client) => client.end()));
}
