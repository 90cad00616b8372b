import { z } from "zod";

// SonarQube's project key rule: letters, digits, '-', '_', '.', ':' and at least one non-digit.
const projectKey = z
  .string()
  .trim()
  .min(1, "Enter a project key.")
  .max(100, "A project key has at most 100 characters.")
  .regex(/^[A-Za-z0-9_.:-]+$/, "Use letters, digits, '-', '_', '.' or ':' in the key.")
  .regex(/[^0-9]/, "A project key needs at least one non-digit character.");

const projectName = z
  .string()
  .trim()
  .min(1, "Enter a project name.")
  .max(200, "A project name has at most 200 characters.");

export const createProjectInput = z.strictObject({ key: projectKey, name: projectName });
export const updateProjectInput = z
  .strictObject({ key: projectKey.optional(), name: projectName.optional() })
  .refine((value) => value.key !== undefined || value.name !== undefined, "Send key, name or both.");

export type CreateProjectInput = z.infer<typeof createProjectInput>;
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const projectOutput = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type ProjectOutput = z.infer<typeof projectOutput>;
