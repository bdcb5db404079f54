/** Elements onto the canvas and back: the server's elements and snapshots (undo, saved views) as Cytoscape definitions. */
import type { Core, ElementDefinition } from "cytoscape";
import type { EdgeData, Elements, NodeData } from "../../common/api-types.js";
import { type Point, spreadPositions } from "./placement.js";

/** The canvas's elements with their positions and pins: an undo step, or the canvas of a saved view. */
export interface Snapshot {
  nodes: { data: NodeData; position: Point; locked: boolean }[];
  edges: { data: EdgeData }[];
}

/** A snapshot to put back; a saved view's nodes may lack positions or pins. */
export interface Restorable {
  nodes: { data: NodeData; position?: Point; locked?: boolean }[];
  edges: { data: EdgeData }[];
}

export function snapshotOf(cy: Core): Snapshot {
  return {
    nodes: cy.nodes().map((node) => ({
      data: node.data() as NodeData,
      position: { ...node.position() },
      locked: node.locked(),
    })),
    edges: cy.edges().map((edge) => ({ data: edge.data() as EdgeData })),
  };
}

/**
 * A snapshot as definitions: nodes at their positions (spread out where a position is missing), unpinned unless
 * pinned, and every edge.
 * @example snapshotDefinitions({ nodes: [{ data: { id: "a", type: "Actor", label: "A" } }], edges: [] })[0].locked === false
 */
export function snapshotDefinitions(snapshot: Restorable): ElementDefinition[] {
  const spread = spreadPositions(snapshot.nodes.length);
  return [
    ...snapshot.nodes.map((node, index) => ({
      group: "nodes" as const,
      data: node.data,
      position: node.position ?? spread[index],
      locked: node.locked ?? false,
    })),
    ...snapshot.edges.map((edge) => ({ group: "edges" as const, data: edge.data })),
  ];
}

/**
 * The server's elements as definitions, with each node's starting position when given; edges whose ends are not among
 * the nodes are left out.
 * @example toDefinitions({ nodes: [], edges: [{ data: { id: "e", source: "a", target: "b", type: "MET" } }] }).length === 0
 */
export function toDefinitions(elements: Elements, positions: Point[] = []): ElementDefinition[] {
  const ids = new Set(elements.nodes.map((node) => node.data.id));
  return [
    ...elements.nodes.map((node, index) => {
      const position = positions[index];
      return { group: "nodes" as const, data: node.data, ...(position ? { position } : {}) };
    }),
    ...elements.edges
      .filter((edge) => ids.has(edge.data.source) && ids.has(edge.data.target))
      .map((edge) => ({ group: "edges" as const, data: edge.data })),
  ];
}
