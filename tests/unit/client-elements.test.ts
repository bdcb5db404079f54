import { describe, expect, test } from "vitest";
import { snapshotDefinitions, toDefinitions } from "../../client/graph/elements.js";
import { mostLinked, spreadPositions } from "../../client/graph/placement.js";
import type { Elements } from "../../common/api-types.js";

const actor = (id: string) => ({ data: { id, type: "Actor" as const, label: id } });
const met = (source: string, target: string) => ({
  data: { id: `${source}|MET|${target}`, source, target, type: "MET" },
});

describe("elements onto the canvas", () => {
  test("when an edge's end is not among the nodes, then the edge is left out", () => {
    const elements = { nodes: [actor("a"), actor("b")], edges: [met("a", "b"), met("a", "z")] } as Elements;
    const definitions = toDefinitions(elements, spreadPositions(2));
    expect(definitions.map((definition) => definition.data.id)).toEqual(["a", "b", "a|MET|b"]);
    expect(definitions[0]?.position).toBeDefined();
  });

  test("when nodes are spread for a layout, then none sits on another", () => {
    const points = spreadPositions(12);
    for (const [index, point] of points.entries())
      for (const other of points.slice(index + 1))
        expect(Math.hypot(point.x - other.x, point.y - other.y)).toBeGreaterThan(1);
  });

  test("when a saved view lacks positions and pins, then its nodes are spread out and unpinned", () => {
    const definitions = snapshotDefinitions({
      nodes: [{ data: actor("a").data, position: { x: 5, y: 6 }, locked: true }, { data: actor("b").data }],
      edges: [met("a", "b")] as Elements["edges"],
    });
    expect(definitions[0]).toMatchObject({ position: { x: 5, y: 6 }, locked: true });
    expect(definitions[1]?.locked).toBe(false);
    expect(definitions[1]?.position).toBeDefined();
    expect(definitions[2]?.group).toBe("edges");
  });

  test("when new edges hang on existing nodes, then new nodes gather at the one most of them touch", () => {
    const fresh = { nodes: [actor("x"), actor("y")], edges: [met("x", "a"), met("y", "b"), met("x", "b")] } as Elements;
    expect(mostLinked(fresh, (id) => id === "a" || id === "b")).toBe("b");
    expect(mostLinked(fresh, () => false)).toBeUndefined();
  });
});
