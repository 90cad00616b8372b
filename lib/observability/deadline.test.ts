import { expect, it } from "vitest";
import { DeadlineExceeded, withDeadline } from "@/lib/observability/deadline";

it("passes through work that settles in time, its failures included", async () => {
  await expect(withDeadline(Promise.resolve(42), 1_000, "The answer")).resolves.toBe(42);
  await expect(withDeadline(Promise.reject(new Error("refused")), 1_000, "The answer")).rejects.toThrow("refused");
});

it("rejects with DeadlineExceeded when the work never answers", async () => {
  const never = new Promise<never>(() => undefined);
  const outcome = withDeadline(never, 20, "The database");
  await expect(outcome).rejects.toBeInstanceOf(DeadlineExceeded);
  await expect(outcome).rejects.toThrow("The database did not answer within 20 ms.");
});
