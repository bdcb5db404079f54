/** The response of every API endpoint, one named schema each: the server's use cases return them, the client reads them. */
import { z } from "zod";
import { DateValue } from "./dates.js";
import { EvidenceItem, Highlighted } from "./evidence.js";
import { ConsoleElements, Elements, MeetingNetworkElements, NodeData } from "./graph.js";
import { NODE_TYPES } from "./kinds.js";
import { named } from "./registry.js";

const int = z.number().int();
const count = int.nonnegative();
const ref = z.object({ id: z.string(), name: z.string() });

/** Error body of every non-2xx answer (GET /api/health's 503 excepted: it answers with its own body). */
export const ApiError = named(
  "ApiError",
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      /** Safe to show; for 400 the parameters at fault: `[{ parameter, in, message }]`. */
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  }),
  "The body of every error: a stable code to act on and a message that names the input at fault.",
);

/** GET /api/health */
export const HealthResponse = named(
  "HealthResponse",
  z.object({
    status: z.enum(["ok", "unavailable"]),
    neo4j: z.object({
      mode: z.enum(["bundled", "external"]),
      uri: z.string(),
      version: z.string().optional(),
      edition: z.string().optional(),
      /** Bundled only: its supervisor's state, since when (ISO 8601), restarts so far, why it last went down. */
      state: z.enum(["starting", "ready", "restarting", "stopped"]).optional(),
      since: z.string().optional(),
      restarts: count.optional(),
      lastExit: z.string().optional(),
    }),
    counts: z.record(z.string(), count).optional(),
    reason: z.string().optional(),
  }),
);

/** GET /api/search?q=&types=&limit= */
export const SearchHit = z.object({
  id: z.string(),
  type: z.enum(NODE_TYPES),
  label: z.string(),
  score: z.number(),
  /** Short text around the match, the matched words highlighted. */
  snippet: Highlighted,
});
export const SearchResponse = named("SearchResponse", z.object({ query: z.string(), hits: z.array(SearchHit) }));

/** GET /api/nodes/:id */
export const NodeResponse = named("NodeResponse", z.object({ node: NodeData }));

/** GET /api/nodes/:id/neighbourhood */
export const SubgraphResponse = named(
  "SubgraphResponse",
  z.object({
    elements: Elements,
    /** True when a limit cut the result; nodes then carry `hiddenNeighbours`. */
    truncated: z.boolean(),
    /** Direct neighbours skipped before this page (depth 1; 0 otherwise). */
    offset: count,
    /** At depth 1, the `offset` of the next page of neighbours, or null on the last (always null at depth 2 and 3). */
    nextOffset: count.nullable(),
  }),
);

/** GET /api/nodes/:id/provenance */
export const ProvenanceResponse = named(
  "ProvenanceResponse",
  z.object({
    node: NodeData,
    evidence: z.array(EvidenceItem),
    /** For statements: who said it (the first of `speakers`). */
    speaker: ref.nullable(),
    /** For statements: everyone the claim is stated by (a joint statement has several). */
    speakers: z.array(ref),
  }),
);

/** GET /api/evidence?ids= */
export const EvidenceResponse = named(
  "EvidenceResponse",
  z.object({
    /** One item per passage asked for, in the order of `ids` (each once). */
    evidence: z.array(EvidenceItem),
  }),
);

/** One event two actors took part in, as listed by /api/meetings. */
export const MeetingEvent = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  date: DateValue.nullable(),
  place: z.string().nullable(),
  forums: z.array(ref),
  evidence: z.array(EvidenceItem),
});

/** An aggregate claim ("met 18 times") about a pair, with its evidence. */
export const AggregateClaim = z.object({
  id: z.string(),
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  qualifier: z.string().nullable(),
  period: DateValue.nullable(),
  evidence: z.array(EvidenceItem),
});

/** One counterpart of GET /api/meetings. */
export const Counterpart = z.object({
  actor: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  /**
   * Meeting-like events both took part in, in date order (undated last): a page of them, starting
   * at `eventsOffset`. Without `with`, the latest few; with `with`, `eventsLimit` of them from `eventsOffset`.
   */
  events: z.array(MeetingEvent),
  /** How many meeting-like events both took part in (under the filters): the strength of the tie. */
  eventCount: count,
  /** Position of `events[0]` among all `eventCount` events in date order. */
  eventsOffset: count,
  /** The `eventsOffset` that lists the next events (with `with`), or null when `events` reach the end. */
  nextEventsOffset: count.nullable(),
  /**
   * Aggregate claims about both ("met 18 times"), or about the counterpart and a listed event:
   * the largest first, at most 5 (100 with `with`).
   */
  aggregates: z.array(AggregateClaim),
  /** How many such claims there are in all (under the filters). */
  aggregateCount: count,
  /**
   * Forums at which they met (any of their shared events, not only those listed), by name: at
   * most 12 of them (a hub pair meets at a hundred; the forum filter narrows to any one).
   */
  forums: z.array(ref),
  /** How many forums they met at in all (under the filters). */
  forumCount: count,
});

/** GET /api/meetings?actor=&with=&forum=&from=&to=&limit=&offset=&eventsLimit=&eventsOffset= */
export const MeetingsResponse = named(
  "MeetingsResponse",
  z.object({
    actor: ref,
    /** One page of counterparts, the most met first (then by name). */
    counterparts: z.array(Counterpart),
    /** How many counterparts there are in all (under the filters). */
    total: count,
    /** Position of `counterparts[0]` among all of them. */
    offset: count,
    /** The `offset` of the next page, or null on the last page. */
    nextOffset: count.nullable(),
  }),
);

/** GET /api/meetings/network: actors joined by `MET` edges (see MetData). */
export const MeetingNetworkResponse = named(
  "MeetingNetworkResponse",
  z.object({
    elements: MeetingNetworkElements,
    /** True when pairs who met were left out (the overview shows a backbone, heaviest first). */
    truncated: z.boolean(),
    /**
     * How the pairs were chosen: `all` when every pair fitted within `limit` lines and `actors`
     * actors; `backbone` otherwise: the `actors` most active actors, each with its `ties` strongest
     * ties among them, at most `2 × ties` lines per actor.
     */
    selection: z.object({
      method: z.enum(["all", "backbone"]),
      actors: count,
      ties: count,
      limit: count,
      candidates: count,
    }),
  }),
);

/** GET /api/paths?from=&to=&maxHops= */
export const PathsResponse = named(
  "PathsResponse",
  z.object({
    elements: Elements,
    /** Each path as the ordered list of node ids and edge ids it runs through. */
    paths: z.array(z.object({ nodes: z.array(z.string()), edges: z.array(z.string()), length: count })),
    /** The passages that the edges' `evidence` ids name, with their sources. */
    evidence: z.array(EvidenceItem),
  }),
);

/** GET /api/timeline?from=&to=&types=&limit=&cursor= */
export const TimelineEntry = z.object({
  id: z.string(),
  type: z.enum(["Event", "Claim"]),
  label: z.string(),
  kind: z.string(),
  date: DateValue,
});
export const TimelineResponse = named(
  "TimelineResponse",
  z.object({
    entries: z.array(TimelineEntry),
    /** True when `limit` cut the list. */
    truncated: z.boolean(),
    /** The `cursor` of the next page, or null on the last page. */
    next: z.string().nullable(),
  }),
);

/** GET /api/schema */
export const SchemaResponse = named(
  "SchemaResponse",
  z.object({
    labels: z.array(z.object({ name: z.string(), count })),
    relationshipTypes: z.array(z.object({ name: z.string(), count })),
    propertyKeys: z.array(z.string()),
    /** The span of dated events and claims, for the client's time control. */
    dateRange: z.object({ start: z.string(), end: z.string() }).nullable(),
    /** The months ("YYYY-MM", in order) in which a dated event or claim begins or ends; null before any summary. */
    dateStops: z.array(z.string()).nullable(),
  }),
);

/** POST /api/cypher */
export const CypherResponse = named(
  "CypherResponse",
  z.object({
    columns: z.array(z.string()),
    /** JSON-safe values; nodes/relationships/paths appear as references `{ $node: id }`, `{ $rel: id }`, `{ $path: { nodes, edges } }`. */
    rows: z.array(z.array(z.unknown())),
    elements: ConsoleElements,
    /** Present when the row or byte limit stopped the reading. */
    truncated: z.union([z.literal(false), z.object({ reason: z.enum(["rows", "bytes"]), limit: count })]),
    queryType: z.string(),
    ms: z.number().nonnegative(),
  }),
);
