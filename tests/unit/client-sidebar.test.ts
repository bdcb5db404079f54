import { describe, expect, test } from "vitest";
import { monthIndex } from "../../client/format/dates.js";
import { legendCount, relationshipTypes, shownByType, toggled } from "../../client/sidebar/legend.js";
import { fromAtIndex, hiddenByTime, timeSlider, toAtIndex } from "../../client/sidebar/time-range.js";

const span = { start: "1960-01-01", end: "2025-12-31" };
const stops = [monthIndex("1960-01"), monthIndex("2022-02"), monthIndex("2023-10"), monthIndex("2025-12")];

describe("the time range's sliders", () => {
  test("when no range is set, then the sliders sit at both ends and read the span's first and last month", () => {
    const slider = timeSlider(span, stops, {});
    expect(slider).toMatchObject({ last: 3, fromIndex: 0, toIndex: 3, fromLabel: "Jan 1960", toLabel: "Dec 2025" });
  });

  test("when the timeline has not loaded, then the sliders step through every month of the span", () => {
    const slider = timeSlider({ start: "2020-01-01", end: "2020-12-31" }, undefined, { to: "2020-06" });
    expect(slider.stops).toHaveLength(12);
    expect(slider).toMatchObject({ last: 11, toIndex: 5, toLabel: "Jun 2020" });
  });

  test("when a bound lies between stops, then From sits at the stop before it and To at the stop after it", () => {
    const slider = timeSlider(span, stops, { from: "2023-01", to: "2023-01" });
    expect(slider).toMatchObject({ fromIndex: 1, toIndex: 2, fromLabel: "Jan 2023", toLabel: "Jan 2023" });
  });

  test("when a bound lies outside the span, then its label is the span's end", () => {
    const slider = timeSlider(span, stops, { from: "1900-01", to: "2100-01" });
    expect(slider).toMatchObject({ fromLabel: "Jan 1960", toLabel: "Dec 2025" });
  });

  test("when From moves, then the view's from is that stop's month; at the first stop it is unset", () => {
    const slider = timeSlider(span, stops, {});
    expect(fromAtIndex(slider, 2)).toBe("2023-10");
    expect(fromAtIndex(slider, 0)).toBeUndefined();
  });

  test("when To moves, then the view's to is that stop's month; at the last stop it is unset", () => {
    const slider = timeSlider(span, stops, {});
    expect(toAtIndex(slider, 1)).toBe("2022-02");
    expect(toAtIndex(slider, 3)).toBeUndefined();
  });

  test("when a slider is pushed past the other, then it stops at the other's place", () => {
    const slider = timeSlider(span, stops, { from: "2022-02", to: "2023-10" });
    expect(fromAtIndex(slider, 3)).toBe("2023-10");
    expect(toAtIndex(slider, 0)).toBe("2022-02");
  });

  test("when nodes are hidden, then only dated ones of a shown type count as hidden by the range", () => {
    const nodes = [
      { type: "Event", hidden: true, dated: true },
      { type: "Event", hidden: false, dated: true },
      { type: "Actor", hidden: true, dated: false },
      { type: "Claim", hidden: true, dated: true },
    ];
    expect(hiddenByTime(nodes, [])).toBe(2);
    expect(hiddenByTime(nodes, ["Claim"])).toBe(1);
  });
});

describe("the legend", () => {
  test("when some nodes are hidden, then each type counts only the nodes shown", () => {
    const nodes = [
      { type: "Actor", hidden: false },
      { type: "Actor", hidden: false },
      { type: "Event", hidden: true },
      { type: "Claim", hidden: false },
    ];
    expect(shownByType(nodes)).toEqual({ Actor: 2, Claim: 1 });
  });

  test("when the database's total is known, then the count reads shown / total; else the shown count alone", () => {
    expect(legendCount(3, 29)).toBe("3 / 29");
    expect(legendCount(undefined, 7)).toBe("0 / 7");
    expect(legendCount(2, undefined)).toBe("2");
  });

  test("when the canvas shows a relationship type the schema lacks, then it is listed after the schema's", () => {
    expect(relationshipTypes(["MET", "ABOUT"], new Set(["ABOUT", "CONTRADICTS"]))).toEqual([
      "MET",
      "ABOUT",
      "CONTRADICTS",
    ]);
  });

  test("when a filter is ticked twice, then it is added and then removed, the others kept in order", () => {
    expect(toggled(["ABOUT"], "MET")).toEqual(["ABOUT", "MET"]);
    expect(toggled(["ABOUT", "MET", "AT_FORUM"], "MET")).toEqual(["ABOUT", "AT_FORUM"]);
  });
});
