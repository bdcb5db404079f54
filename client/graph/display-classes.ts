/**
 * Display state as classes, computed by pure functions over the data the server sent (never written into it):
 * filters and the time range hide, a selection highlights its neighbourhood and fades the rest, a path or a console
 * result stands out.
 */
import { nodeDateBounds, overlapsRange, type TimeRange } from "../format/dates.js";

interface GraphNode {
  id: string;
  type: string;
  data: Record<string, unknown>;
}
interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
}
export interface DisplayInput {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
export interface DisplayOptions {
  selected?: string | undefined;
  hiddenTypes?: readonly string[];
  hiddenRels?: readonly string[];
  range?: TimeRange;
  /** Ids of nodes and edges on the highlighted path(s). */
  path?: ReadonlySet<string>;
  /** Ids of the nodes and edges the last console query returned. */
  result?: ReadonlySet<string>;
}

export type DisplayClass = "hidden" | "faded" | "selected" | "neighbour" | "highlighted" | "on-path" | "in-result";

/**
 * The classes of every element; elements without any are absent from the map.
 * @example displayClasses({ nodes: [{ id: "a", type: "Passage", data: {} }], edges: [] }, { hiddenTypes: ["Passage"] }).get("a") // ["hidden"]
 */
export function displayClasses(graph: DisplayInput, options: DisplayOptions): Map<string, DisplayClass[]> {
  const classes = new Map<string, DisplayClass[]>();
  const add = (id: string, name: DisplayClass) => {
    const list = classes.get(id);
    if (list) list.push(name);
    else classes.set(id, [name]);
  };
  const hiddenTypes = new Set(options.hiddenTypes ?? []);
  const hiddenRels = new Set(options.hiddenRels ?? []);
  const range = options.range ?? {};
  const hidden = new Set<string>();
  for (const node of graph.nodes) {
    if (hiddenTypes.has(node.type) || !overlapsRange(nodeDateBounds(node.data), range)) hidden.add(node.id);
  }
  for (const edge of graph.edges) {
    if (hiddenRels.has(edge.type) || hidden.has(edge.source) || hidden.has(edge.target)) hidden.add(edge.id);
  }
  for (const id of hidden) add(id, "hidden");

  // What stays lit: the selection and its visible neighbourhood, else the path, else the console's result; everything
  // else visible fades.
  let lit: Set<string> | undefined;
  // A selection that is not on the canvas (e.g. a counterpart picked in a panel) lights nothing and fades nothing.
  const onCanvas = (id: string) => graph.nodes.some((node) => node.id === id) || graph.edges.some((e) => e.id === id);
  const selected =
    options.selected && !hidden.has(options.selected) && onCanvas(options.selected) ? options.selected : undefined;
  if (selected) {
    lit = new Set([selected]);
    add(selected, "selected");
    const selectedEdge = graph.edges.find((edge) => edge.id === selected);
    if (selectedEdge) {
      for (const end of [selectedEdge.source, selectedEdge.target]) {
        lit.add(end);
        add(end, "neighbour");
      }
    } else {
      for (const edge of graph.edges) {
        if (hidden.has(edge.id) || (edge.source !== selected && edge.target !== selected)) continue;
        lit.add(edge.id);
        add(edge.id, "highlighted");
        const other = edge.source === selected ? edge.target : edge.source;
        if (!lit.has(other)) {
          lit.add(other);
          add(other, "neighbour");
        }
      }
    }
  }
  if (options.path && options.path.size > 0) {
    for (const id of options.path) if (!hidden.has(id)) add(id, "on-path");
    if (!lit) lit = new Set(options.path);
  }
  if (options.result && options.result.size > 0) {
    for (const id of options.result) if (!hidden.has(id)) add(id, "in-result");
    if (!lit) lit = new Set(options.result);
  }
  if (lit) {
    const litSet = lit;
    for (const element of [...graph.nodes, ...graph.edges]) {
      if (!hidden.has(element.id) && !litSet.has(element.id)) add(element.id, "faded");
    }
  }
  return classes;
}
