/**
 * The API's contract: the types the server sends and the client reads, in one module.
 * Subgraphs use Cytoscape.js's elements JSON so the client can add them to its canvas unchanged.
 */

/** Node labels of the graph (docs/data-model.md). */
export const NODE_TYPES = ["Actor", "Forum", "Event", "Claim", "Source", "Passage"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Relationship types of the graph (docs/data-model.md). */
export const REL_TYPES = [
  "PARTICIPATED_IN",
  "AT_FORUM",
  "MEMBER_OF",
  "HOLDS_ROLE",
  "PART_OF",
  "ABOUT",
  "STATED_BY",
  "CONTRADICTS",
  "EVIDENCED_BY",
  "IN_SOURCE",
  "AUTHORED_BY",
] as const;
export type RelType = (typeof REL_TYPES)[number];

/** How precise a date is; the client formats dates with it ("2023", "Oct 2023", "9 May 2025"). */
export type DatePrecision = "day" | "month" | "year" | "decade";

/** A date as the graph holds it: ISO bounds (inclusive) plus what the source said. */
export interface DateValue {
  /** Earliest day the date can mean, ISO `YYYY-MM-DD`. */
  start: string | null;
  /** Latest day the date can mean, ISO `YYYY-MM-DD`. */
  end: string | null;
  precision: DatePrecision;
  /** Display text, e.g. "9 May 2025", "Oct 2023", "late 1960s", "Feb 2022 – Feb 2025". */
  text: string;
}

/**
 * A node's data. Besides the fixed fields, every Neo4j property of the node is present
 * (JSON-safe: dates as ISO strings, big integers as strings).
 */
export interface NodeData {
  id: string;
  type: NodeType;
  label: string;
  /** Neighbours the server left out because of a limit ("+N more"). */
  hiddenNeighbours?: number;
  /** How many passages evidence this node (for emphasis). */
  evidenceCount?: number;
  /** Degree in the whole graph (for sizing). */
  degree?: number;
  [property: string]: unknown;
}

/** A relationship's data; `evidence` lists the ids of the Passages that support it, when any. */
export interface EdgeData {
  /** Stable id: `${source}|${type}|${target}` (plus `|n` when parallel edges of one type exist). */
  id: string;
  source: string;
  target: string;
  type: RelType | string;
  label?: string;
  evidence?: string[];
  [property: string]: unknown;
}

export interface Elements {
  nodes: { data: NodeData }[];
  edges: { data: EdgeData }[];
}

/** Error body of every non-2xx answer. */
export interface ApiError {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

/** GET /api/health */
export interface HealthResponse {
  status: "ok" | "unavailable";
  neo4j: {
    mode: "bundled" | "external";
    uri: string;
    version?: string;
    edition?: string;
    /** Bundled only: its supervisor's state, since when (ISO 8601), restarts so far, why it last went down. */
    state?: "starting" | "ready" | "restarting" | "stopped";
    since?: string;
    restarts?: number;
    lastExit?: string;
  };
  counts?: Record<string, number>;
  reason?: string;
}

/** GET /api/search?q=&types=&limit= */
export interface SearchHit {
  id: string;
  type: NodeType;
  label: string;
  score: number;
  /** Short text around the match with the matched words wrapped in `<mark>…</mark>` (all else HTML-escaped). */
  snippet: string;
}
export interface SearchResponse {
  query: string;
  hits: SearchHit[];
}

/** GET /api/nodes/:id */
export interface NodeResponse {
  node: NodeData;
}

/** GET /api/nodes/:id/neighbourhood?depth=&types=&rels=&from=&to=&limit=&offset= */
export interface SubgraphResponse {
  elements: Elements;
  /** True when a limit cut the result; nodes then carry `hiddenNeighbours`. */
  truncated: boolean;
  /** Direct neighbours skipped before this page (depth 1; 0 otherwise). */
  offset: number;
  /**
   * At depth 1, the `offset` of the next page of neighbours ("Show more"), or null when this page
   * reaches the last of them (always null at depth 2 and 3).
   */
  nextOffset: number | null;
}

/** One event two actors took part in, as listed by /api/meetings. */
export interface MeetingEvent {
  id: string;
  name: string;
  kind: string;
  date: DateValue | null;
  place: string | null;
  forums: { id: string; name: string }[];
  evidence: EvidenceItem[];
}

/** An aggregate claim ("met 18 times") about a pair, with its evidence. */
export interface AggregateClaim {
  id: string;
  text: string;
  value: number | null;
  unit: string | null;
  qualifier: string | null;
  period: DateValue | null;
  evidence: EvidenceItem[];
}

/** One counterpart of GET /api/meetings. */
export interface Counterpart {
  actor: { id: string; name: string; kind: string };
  /**
   * Meeting-like events both took part in, in date order (undated last): a page of them, starting
   * at `eventsOffset`. Without `with`, the latest few (the last page); with `with`, `eventsLimit`
   * of them from `eventsOffset`.
   */
  events: MeetingEvent[];
  /** How many meeting-like events both took part in (under the filters): the strength of the tie. */
  eventCount: number;
  /** Position of `events[0]` among all `eventCount` events in date order. */
  eventsOffset: number;
  /** The `eventsOffset` that lists the next events (with `with`), or null when `events` reach the end. */
  nextEventsOffset: number | null;
  /** Aggregate claims about both ("met 18 times"), or about the counterpart and a listed event. */
  aggregates: AggregateClaim[];
  /** Forums at which they met (any of their shared events, not only those listed). */
  forums: { id: string; name: string }[];
}

/** GET /api/meetings?actor=&with=&forum=&from=&to=&limit=&offset=&eventsLimit=&eventsOffset= */
export interface MeetingsResponse {
  actor: { id: string; name: string };
  /** One page of counterparts, the most met first (then by name). */
  counterparts: Counterpart[];
  /** How many counterparts there are in all (under the filters). */
  total: number;
  /** Position of `counterparts[0]` among all of them. */
  offset: number;
  /** The `offset` of the next page, or null on the last page. */
  nextOffset: number | null;
}

/**
 * GET /api/meetings/network?from=&to=&forum=&limit=&actors=&ties= — actors joined by `MET` edges
 * (`${a}|MET|${b}`, a's id before b's) that carry `weight` and `events` (event ids, in date order).
 */
export interface MeetingNetworkResponse {
  /**
   * Edges of type `MET` carry `weight` (shared meeting-like events in the window or at the forum),
   * `events` (ids of at most the latest 10 of them, in date order: GET /api/meetings?actor=&with=
   * pages through all), `first` and `last` (dates of the pair's first and last meeting),
   * `forums` (ids), `reported` (aggregate claims about the pair: `{ claim, value, qualifier }`,
   * largest first) and `reportedCount` (the largest of those values, when any).
   */
  elements: Elements;
  /** True when pairs who met were left out (the overview shows a backbone, heaviest first). */
  truncated: boolean;
  /**
   * How the pairs were chosen: `all` when every pair fitted within `limit` lines and `actors`
   * actors; `backbone` otherwise: the `actors` most active actors, each with its `ties` strongest
   * ties among them, at most `2 × ties` lines per actor.
   */
  selection: { method: "all" | "backbone"; actors: number; ties: number; limit: number; candidates: number };
}

/** GET /api/paths?from=&to=&maxHops= */
export interface PathsResponse {
  elements: Elements;
  /** Each path as the ordered list of node ids and edge ids it runs through. */
  paths: { nodes: string[]; edges: string[]; length: number }[];
  /** The passages that the edges' `evidence` ids name, with their sources. */
  evidence: EvidenceItem[];
}

/** A passage that evidences something, with where it sits in its source. */
export interface EvidenceItem {
  passage: {
    id: string;
    exact: string;
    prefix: string | null;
    suffix: string | null;
    start: number;
    end: number;
    /** The paragraph the passage sits in, and where the passage starts inside it. */
    paragraph: string;
    paragraphOffset: number;
  };
  source: {
    id: string;
    title: string;
    author: string | null;
    /** The author's Actor node, when the graph has one. */
    authorId?: string | null;
    authorAffiliation: string | null;
    publisher: string | null;
    url: string | null;
    published: DateValue | null;
  };
}

/** GET /api/nodes/:id/provenance */
export interface ProvenanceResponse {
  node: NodeData;
  evidence: EvidenceItem[];
  /** For statements: who said it (the first of `speakers`). */
  speaker: { id: string; name: string } | null;
  /** For statements: everyone the claim is stated by (a joint statement has several). */
  speakers: { id: string; name: string }[];
}

/** GET /api/timeline?from=&to=&types=&limit=&cursor= */
export interface TimelineEntry {
  id: string;
  type: "Event" | "Claim";
  label: string;
  kind: string;
  date: DateValue;
}
export interface TimelineResponse {
  entries: TimelineEntry[];
  /** True when `limit` cut the list. */
  truncated: boolean;
  /** The `cursor` of the next page, or null on the last page. */
  next: string | null;
}

/** GET /api/schema */
export interface SchemaResponse {
  labels: { name: string; count: number }[];
  relationshipTypes: { name: string; count: number }[];
  propertyKeys: string[];
  /** The span of dated events and claims, for the client's time control. */
  dateRange: { start: string; end: string } | null;
  /**
   * The months ("YYYY-MM", in order) in which a dated event or claim begins or ends: the time
   * sliders' stops, summarised after each load. Null when the database holds no summary yet.
   */
  dateStops: string[] | null;
}

/** POST /api/cypher { query, params } */
export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
}
export interface CypherResponse {
  columns: string[];
  /** JSON-safe values; nodes/relationships/paths appear as references `{ $node: id }`, `{ $rel: id }`, `{ $path: { nodes, edges } }`. */
  rows: unknown[][];
  elements: Elements;
  /** Present when the row or byte limit stopped the reading. */
  truncated: false | { reason: "rows" | "bytes"; limit: number };
  queryType: string;
  ms: number;
}
