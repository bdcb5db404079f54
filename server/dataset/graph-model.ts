/**
 * The graph model the loader writes to: node labels, what each relationship type joins, the rows
 * of a load and the property keys stored as dates and integers. Every load path and the merge
 * queries' generator (tests/unit/merge-queries.test.ts) read it from here.
 */
import { REL_TYPES, type RelType } from "../../common/api-types.js";
import type { GraphCheck } from "./external.js";

export const NODE_LABELS = ["Source", "Passage", "Actor", "Forum", "Event", "Claim"] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The relationship types a dataset writes: all of the graph's (common/api-types.ts). */
export { REL_TYPES, type RelType };

/**
 * What each relationship type joins: the labels its ends may have and, where one pair of nodes
 * may hold several, the property that tells them apart. The loader's merge queries are generated
 * from this (tests/unit/merge-queries.test.ts).
 */
export const REL_ENDS: Record<RelType, { from: readonly NodeLabel[]; to: readonly NodeLabel[]; key?: string }> = {
  PARTICIPATED_IN: { from: ["Actor"], to: ["Event"] },
  AT_FORUM: { from: ["Event"], to: ["Forum"] },
  MEMBER_OF: { from: ["Actor"], to: ["Forum"] },
  HOLDS_ROLE: { from: ["Actor"], to: ["Actor"], key: "title" },
  PART_OF: { from: ["Event", "Forum"], to: ["Event", "Forum"] },
  ABOUT: { from: ["Claim"], to: ["Actor", "Forum", "Event", "Claim"] },
  STATED_BY: { from: ["Claim"], to: ["Actor"] },
  CONTRADICTS: { from: ["Claim"], to: ["Claim"] },
  EVIDENCED_BY: { from: ["Actor", "Forum", "Event", "Claim"], to: ["Passage"] },
  IN_SOURCE: { from: ["Passage"], to: ["Source"] },
  AUTHORED_BY: { from: ["Source"], to: ["Actor"] },
};

/** Property values as the loader sends them; ISO date strings become Neo4j Dates on the way. */
export type Props = Record<string, string | number | boolean | string[]>;

export interface NodeRow {
  id: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  props: Props;
}

export interface GraphRows {
  dataset: NodeRow;
  nodes: Record<NodeLabel, NodeRow[]>;
  relationships: Record<RelType, RelRow[]>;
  /** A dataset that builds on others: what the load checks in the graph before it writes. */
  check?: GraphCheck | null;
}

/** Property keys that hold ISO dates (`YYYY-MM-DD`) to store as Neo4j `Date`. */
export const DATE_KEYS = new Set([
  "dateStart",
  "dateEnd",
  "periodStart",
  "periodEnd",
  "publishedStart",
  "publishedEnd",
]);
/** Property keys that hold integers (offsets, versions, span classes), stored as Neo4j integers. */
export const INTEGER_KEYS = new Set([
  "start",
  "end",
  "paragraphOffset",
  "version",
  "loaderVersion",
  "dateSpanClass",
  "periodSpanClass",
]);

/**
 * What the loader derives from the same files changes with it (2: `nameKeys` for search). The
 * Dataset node records it, so a database loaded by an older loader is reloaded at start.
 */
export const LOADER_VERSION = 2;
