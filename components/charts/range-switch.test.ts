// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RangeSwitch } from "@/components/charts/range-switch";

afterEach(cleanup);

function renderSwitch(onChange: (next: string) => void, value = "24h") {
  render(createElement(RangeSwitch, { label: "Chart range", options: ["24h", "7d", "30d"], value, onChange }));
  return screen.getByRole("radiogroup", { name: "Chart range" });
}

describe("the chart range switch", () => {
  it("is a radio group with the current range checked", () => {
    renderSwitch(() => {});
    expect(screen.getAllByRole("radio").map((radio) => radio.textContent)).toEqual(["24h", "7d", "30d"]);
    screen.getByRole("radio", { name: "24h", checked: true });
    screen.getByRole("radio", { name: "7d", checked: false });
  });

  it("asks for the range chosen", () => {
    const onChange = vi.fn();
    renderSwitch(onChange);
    fireEvent.click(screen.getByRole("radio", { name: "7d" }));
    expect(onChange).toHaveBeenCalledExactlyOnceWith("7d");
  });

  it("keeps the current range when it is chosen again, rather than none", () => {
    const onChange = vi.fn();
    renderSwitch(onChange);
    fireEvent.click(screen.getByRole("radio", { name: "24h" }));
    expect(onChange).not.toHaveBeenCalled();
  });

  it("is one Tab stop, which lands on the checked range", () => {
    const group = renderSwitch(() => {}, "7d");
    expect(screen.getAllByRole("radio").map((radio) => radio.tabIndex)).toEqual([-1, -1, -1]);
    group.focus();
    expect(document.activeElement).toBe(screen.getByRole("radio", { name: "7d" }));
  });
});
