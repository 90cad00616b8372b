import type { Role } from "@/generated/prisma/enums";

export const roleLabels: Record<Role, string> = { owner: "Owner", admin: "Admin", member: "Member", viewer: "Viewer" };

export const roleDescriptions: Record<Role, string> = {
  owner: "Everything, including granting the owner role.",
  admin: "Manages members, API tokens and settings.",
  member: "Creates and changes projects, webhooks and events.",
  viewer: "Read-only access.",
};
