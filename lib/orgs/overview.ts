import { db } from "@/lib/db";

const recentEmailWindowMs = 30 * 24 * 60 * 60 * 1000;

export interface OrgOverview {
  projects: number;
  members: number;
  activeTokens: number;
  emailsSentLast30Days: number;
}

/** The overview page's numbers; every count is scoped to the org. */
export async function orgOverview(orgId: string, now = new Date()): Promise<OrgOverview> {
  const [projects, members, activeTokens, emailsSentLast30Days] = await Promise.all([
    db.project.count({ where: { orgId } }),
    db.member.count({ where: { orgId } }),
    db.apiToken.count({ where: { orgId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.email.count({ where: { orgId, status: "sent", sentAt: { gte: new Date(now.getTime() - recentEmailWindowMs) } } }),
  ]);
  return { projects, members, activeTokens, emailsSentLast30Days };
}
