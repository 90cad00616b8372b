import { z } from "zod";

/** A portfolio: a named, saved selection of projects (SecurityScorecard's "Selected Portfolio"). */
export const createPortfolioInput = z.strictObject({
  name: z.string().trim().min(1, "Give the portfolio a name.").max(100),
  projectIds: z.array(z.string().max(64)).min(1, "A portfolio holds at least one project.").max(100),
});

export const updatePortfolioInput = createPortfolioInput.partial();

export const portfolioOutput = z.object({
  id: z.string(),
  name: z.string(),
  projectIds: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type CreatePortfolioInput = z.infer<typeof createPortfolioInput>;
export type UpdatePortfolioInput = z.infer<typeof updatePortfolioInput>;
export type PortfolioOutput = z.infer<typeof portfolioOutput>;
