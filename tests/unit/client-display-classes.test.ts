import { describe, expect, test } from "vitest";
import { displayClasses } from "../../client/graph/display-classes.js";
import { shownByType } from "../../client/sidebar/legend.js";

const graph = {
  nodes: [
    { id: "wang", type: "Actor", data: {} },
    { id: "lavrov", type: "Actor", data: {} },
    { id: "meet", type: "Event", data: { dateStart: "2023-10-01", dateEnd: "2023-10-31" } },
    { id: "parade", type: "Event", data: { dateStart: "2025-05-09", dateEnd: "2025-05-09" } },
    { id: "quote", type: "Passage", data: {} },
  ],
  edges: [
    { id: "e1", source: "wang", target: "meet", type: "PARTICIPATED_IN" },
    { id: "e2", source: "lavrov", target: "meet", type: "PARTICIPATED_IN" },
    { id: "e3", source: "meet", target: "quote", type: "EVIDENCED_BY" },
    { id: "e4", source: "lavrov", target: "parade", type: "PARTICIPATED_IN" },
  ],
};

describe("client display classes", () => {
  test("when a type is filtered out, then its nodes and their edges are hidden", () => {
    const classes = displayClasses(graph, { hiddenTypes: ["Passage"] });
    expect(classes.get("quote")).toEqual(["hidden"]);
    expect(classes.get("e3")).toEqual(["hidden"]);
    expect(classes.get("meet")).toBeUndefined();
  });

  test("when a time range is set, then dated nodes outside it hide and undated ones stay", () => {
    const classes = displayClasses(graph, { range: { to: "2024-12" } });
    expect(classes.get("parade")).toEqual(["hidden"]);
    expect(classes.get("e4")).toEqual(["hidden"]);
    expect(classes.get("meet")).toBeUndefined();
    expect(classes.get("wang")).toBeUndefined();
  });

  test("when a node is selected, then its edges and neighbours light up and the rest fades", () => {
    const classes = displayClasses(graph, { selected: "meet" });
    expect(classes.get("meet")).toEqual(["selected"]);
    expect(classes.get("e1")).toEqual(["highlighted"]);
    expect(classes.get("wang")).toEqual(["neighbour"]);
    expect(classes.get("parade")).toEqual(["faded"]);
    expect(classes.get("e4")).toEqual(["faded"]);
  });

  test("when the selection is not on the canvas, then nothing is lit and nothing fades", () => {
    const classes = displayClasses(graph, { selected: "actor:not-shown" });
    expect(classes.size).toBe(0);
  });

  test("when an edge is selected, then its two ends are its neighbours", () => {
    const classes = displayClasses(graph, { selected: "e4" });
    expect(classes.get("e4")).toEqual(["selected"]);
    expect(classes.get("lavrov")).toEqual(["neighbour"]);
    expect(classes.get("parade")).toEqual(["neighbour"]);
    expect(classes.get("wang")).toEqual(["faded"]);
  });

  test("when a path is highlighted, then its elements are on-path and the rest fades; the data is left untouched", () => {
    const before = JSON.stringify(graph);
    const classes = displayClasses(graph, { path: new Set(["wang", "e1", "meet"]) });
    expect(classes.get("e1")).toEqual(["on-path"]);
    expect(classes.get("lavrov")).toEqual(["faded"]);
    expect(JSON.stringify(graph)).toBe(before);
    const withoutPassages = displayClasses(graph, { hiddenTypes: ["Passage"] });
    const nodes = graph.nodes.map((node) => ({
      type: node.type,
      hidden: Boolean(withoutPassages.get(node.id)?.includes("hidden")),
    }));
    expect(shownByType(nodes)).toEqual({ Actor: 2, Event: 2 });
  });

  test("when a console result is shown, then its elements are in-result and the rest fades; a hidden one stays hidden", () => {
    const classes = displayClasses(graph, { result: new Set(["lavrov", "e4", "parade"]), range: { to: "2024-12" } });
    expect(classes.get("lavrov")).toEqual(["in-result"]);
    expect(classes.get("parade")).toEqual(["hidden"]);
    expect(classes.get("e4")).toEqual(["hidden"]);
    expect(classes.get("wang")).toEqual(["faded"]);
  });

  test("when a node is selected while a console result is shown, then the selection decides what fades", () => {
    const classes = displayClasses(graph, { selected: "wang", result: new Set(["lavrov"]) });
    expect(classes.get("wang")).toEqual(["selected"]);
    expect(classes.get("lavrov")).toEqual(["in-result", "faded"]);
  });
});
