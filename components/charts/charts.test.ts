import { describe, expect, it } from "vitest";
import { linearScale, niceTicks } from "@/components/charts/scale";
import { seriesPath } from "@/components/charts/series-path";

describe("niceTicks", () => {
  it("rounds the top up to a whole step of 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks(290, 4)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(100, 4)).toEqual([0, 50, 100]);
    expect(niceTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1, 4)).toEqual([0, 1]);
  });

  it("gives an axis of 0 to 1 when there is nothing to show", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe("linearScale", () => {
  it("maps the domain onto the range, backwards for a y axis", () => {
    const y = linearScale([0, 100], [200, 0]);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
  });
});

describe("seriesPath", () => {
  it("moves to the first point, draws through the next and breaks at a gap", () => {
    expect(
      seriesPath([
        { x: 0, y: 10 },
        { x: 5, y: 20.04 },
        { x: 10, y: null },
        { x: 15, y: 5 },
        { x: 20, y: 6 },
      ]),
    ).toBe("M0 10 L5 20 M15 5 L20 6");
  });

  it("is empty without values", () => {
    expect(seriesPath([{ x: 0, y: null }])).toBe("");
  });
});
