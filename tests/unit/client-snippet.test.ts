import { describe, expect, test } from "vitest";
import { centroid, ringPositions } from "../../client/graph/placement.js";
import { metLabel, metWidth, nodeSize } from "../../client/graph/style.js";
import { highlightParts } from "../../client/ui/snippet.js";

describe("client snippets, passages and placement", () => {
  test("when text comes with highlight ranges, then parts come out as plain text with the ranges marked and nothing decoded", () => {
    expect(
      highlightParts({
        text: "met Lavrov &amp; <b>",
        highlights: [
          { start: 4, end: 8 },
          { start: 11, end: 16 },
        ],
      }),
    ).toEqual([
      { text: "met ", marked: false },
      { text: "Lavr", marked: true },
      { text: "ov ", marked: false },
      { text: "&amp;", marked: true },
      { text: " <b>", marked: false },
    ]);
  });

  test("when ranges overlap, run past the text or are empty, then they are clipped and the text is kept whole", () => {
    const text = "Wang Yi met Lavrov";
    const parts = highlightParts({
      text,
      highlights: [
        { start: 0, end: 7 },
        { start: 5, end: 11 },
        { start: 12, end: 12 },
        { start: 12, end: 99 },
      ],
    });
    expect(parts.map((part) => part.text).join("")).toBe(text);
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(["Wang Yi", " met", "Lavrov"]);
    expect(highlightParts({ text, highlights: [] })).toEqual([{ text, marked: false }]);
  });

  test("when nodes are placed around a parent, then each sits at least one ring away and none coincide", () => {
    const parent = { x: 100, y: 0 };
    const positions = ringPositions(parent, 20, { x: 0, y: 0 });
    expect(positions).toHaveLength(20);
    for (const p of positions) expect(Math.hypot(p.x - parent.x, p.y - parent.y)).toBeGreaterThan(60);
    const keys = new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(20);
    expect(
      centroid([
        { x: 0, y: 0 },
        { x: 2, y: 4 },
      ]),
    ).toEqual({ x: 1, y: 2 });
  });

  test("when nodes already sit around a parent, then new nodes go to free spots, not on top of them", () => {
    const parent = { x: 0, y: 0 };
    const taken = ringPositions(parent, 5, { x: -100, y: 0 }, 100);
    const positions = ringPositions(parent, 8, { x: -100, y: 0 }, 100, [parent, ...taken]);
    expect(positions).toHaveLength(8);
    for (const p of positions)
      for (const other of [parent, ...taken])
        expect(Math.hypot(p.x - other.x, p.y - other.y)).toBeGreaterThanOrEqual(90);
  });

  test("when a node has more degree or evidence, then it is drawn bigger, within bounds", () => {
    expect(nodeSize({})).toBe(26);
    expect(nodeSize({ degree: 9 })).toBeGreaterThan(nodeSize({ degree: 1 }));
    expect(nodeSize({ degree: 10_000 })).toBe(72);
  });
});

describe("metLabel", () => {
  test("when the source counts the meetings, then the label shows that count", () => {
    expect(metLabel({ weight: 1, reportedCount: 18 })).toBe("18×");
  });
  test("when no source counts them, then the label shows the shared events, and nothing for a single one", () => {
    expect(metLabel({ weight: 4 })).toBe("4");
    expect(metLabel({ weight: 1 })).toBe("");
  });
  test("when a pair met more often, then its line is thicker, within bounds", () => {
    expect(metWidth({ weight: 1, reportedCount: 18 })).toBeGreaterThan(metWidth({ weight: 4 }));
    expect(metWidth({ weight: 4 })).toBeGreaterThan(metWidth({ weight: 1 }));
    expect(metWidth({ weight: 1_000 })).toBe(10);
  });
});
