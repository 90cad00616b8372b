// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { EngineLagNotice } from "@/components/overview/engine-lag";

const minute = 60_000;
const show = (lag: Partial<Parameters<typeof EngineLagNotice>[0]["lag"]>) =>
  render(
    createElement(EngineLagNotice, {
      lag: { oldestUndispatchedEventAgeMs: 0, oldestDueDeliveryAgeMs: 0, oldestUnattendedDeliveryAgeMs: 0, ...lag },
    }),
  );

afterEach(cleanup);

describe("the overview's engine lag", () => {
  it("warns when due work no run is on has waited over a minute", () => {
    show({ oldestDueDeliveryAgeMs: 5 * minute, oldestUnattendedDeliveryAgeMs: 5 * minute });
    expect(screen.getByText("The delivery engine is 5 min behind")).toBeDefined();
    expect(screen.queryByText("Delivery engine up to date.")).toBeNull();
  });

  it("does not call a receiver's own queue a stall: the engine is up to date and the wait is said", () => {
    show({ oldestDueDeliveryAgeMs: 5 * minute });
    expect(screen.queryByText(/behind/)).toBeNull();
    expect(screen.getByText("Delivery engine up to date.").parentElement!.textContent).toContain(
      "Oldest delivery past its due time: 5 min. It is being sent at its receiver's pace",
    );
  });
});
