import { describe, expect, test } from "vitest";
import { centroid, ringPositions } from "../../client/graph/placement.js";
import { metLabel, metWidth, nodeSize } from "../../client/graph/style.js";
import { decodeEntities, passageInParagraph, snippetParts, trimContext } from "../../client/ui/snippet.js";

describe("client snippets, passages and placement", () => {
  test("when a snippet has marks and escaped text, then parts come out as plain text with the matches marked", () => {
    expect(snippetParts("met <mark>Lavr</mark>ov &amp; <b>")).toEqual([
      { text: "met ", marked: false },
      { text: "Lavr", marked: true },
      { text: "ov & <b>", marked: false },
    ]);
    expect(decodeEntities("&#8220;no limits&#x201D;")).toBe("“no limits”");
  });

  test("when a passage's offset is right or wrong, then it is found in its paragraph either way", () => {
    expect(passageInParagraph("A met B.", "met", 2)).toEqual({ before: "A ", exact: "met", after: " B." });
    expect(passageInParagraph("A met B.", "met", 0)).toEqual({ before: "A ", exact: "met", after: " B." });
    expect(passageInParagraph("A met B.", "saw", 2)).toBeNull();
    const long = trimContext({ before: "word ".repeat(100), exact: "X", after: " tail".repeat(100) }, 50);
    expect(long.before.startsWith("…")).toBe(true);
    expect(long.before.length).toBeLessThanOrEqual(52);
    expect(long.after.endsWith("…")).toBe(true);
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
