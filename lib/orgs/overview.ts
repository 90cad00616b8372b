import "server-only";
import { db } from "@/lib/db";

const recentEmailWindowMs = 30 * 24 * 60 * 60 * 1000;

export interface OrgOverview {
  projects: number;
  members: number;
  webhooks: number;
  activeTokens: number;
  emailsSentLast30Days: number;
  hasEvent: boolean;
  hasDelivery: boolean;
}

/** The overview page's numbers; every count is scoped to the org. */
export async function orgOverview(orgId: string, now = new Date()): Promise<OrgOverview> {
  const [projects, members, webhooks, activeTokens, emailsSentLast30Days, event, delivery] = await Promise.all([
    db.project.count({ where: { orgId } }),
    db.member.count({ where: { orgId } }),
    db.webhook.count({ where: { orgId } }),
    db.apiToken.count({ where: { orgId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    db.email.count({
      where: { orgId, status: "sent", sentAt: { gte: new Date(now.getTime() - recentEmailWindowMs) } },
    }),
    db.event.findFirst({ where: { orgId }, select: { id: true } }),
    db.delivery.findFirst({ where: { orgId, isTest: false, status: "succeeded" }, select: { id: true } }),
  ]);
  return {
    projects,
    members,
    webhooks,
    activeTokens,
    emailsSentLast30Days,
    hasEvent: event !== null,
    hasDelivery: delivery !== null,
  };
}
