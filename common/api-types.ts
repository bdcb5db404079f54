/**
 * The API's contract as TypeScript types, inferred from the zod schemas of common/contract/ (the
 * same schemas generate the OpenAPI document's responses). Types only, so the client bundle does
 * not carry zod; subgraphs use Cytoscape.js's elements JSON so the client adds them unchanged.
 */
import type { z } from "zod";
import type * as dates from "./contract/dates.js";
import type * as drafts from "./contract/drafts.js";
import type * as evidence from "./contract/evidence.js";
import type * as extraction from "./contract/extraction.js";
import type * as graph from "./contract/graph.js";
import type * as responses from "./contract/responses.js";
import type * as review from "./contract/review.js";

export { NODE_TYPES, type NodeType, REL_TYPES, type RelType } from "./contract/kinds.js";

export type DatePrecision = z.infer<typeof dates.DatePrecision>;
export type DateValue = z.infer<typeof dates.DateValue>;

/** A node's data, by its label (`type`). */
export type NodeData = z.infer<typeof graph.NodeData>;
/** A who-met-whom line of the overview. */
export type MetData = z.infer<typeof graph.MetData>;
/** A relationship's data, by its type. */
export type EdgeData = z.infer<typeof graph.EdgeData>;
export type Elements = z.infer<typeof graph.Elements>;
/** Elements of console results: besides Liaison's kinds, other labels and relationships as stored. */
export type ConsoleElements = z.infer<typeof graph.ConsoleElements>;

export type Highlighted = z.infer<typeof evidence.Highlighted>;
export type EvidenceItem = z.infer<typeof evidence.EvidenceItem>;

export type ApiError = z.infer<typeof responses.ApiError>;
export type HealthResponse = z.infer<typeof responses.HealthResponse>;
export type SearchHit = z.infer<typeof responses.SearchHit>;
export type SearchResponse = z.infer<typeof responses.SearchResponse>;
export type NodeResponse = z.infer<typeof responses.NodeResponse>;
export type SubgraphResponse = z.infer<typeof responses.SubgraphResponse>;
export type ProvenanceResponse = z.infer<typeof responses.ProvenanceResponse>;
export type EvidenceResponse = z.infer<typeof responses.EvidenceResponse>;
export type MeetingEvent = z.infer<typeof responses.MeetingEvent>;
export type AggregateClaim = z.infer<typeof responses.AggregateClaim>;
export type Counterpart = z.infer<typeof responses.Counterpart>;
export type MeetingsResponse = z.infer<typeof responses.MeetingsResponse>;
export type MeetingNetworkResponse = z.infer<typeof responses.MeetingNetworkResponse>;
export type PathsResponse = z.infer<typeof responses.PathsResponse>;
export type TimelineEntry = z.infer<typeof responses.TimelineEntry>;
export type TimelineResponse = z.infer<typeof responses.TimelineResponse>;
export type SchemaResponse = z.infer<typeof responses.SchemaResponse>;
export type CypherResponse = z.infer<typeof responses.CypherResponse>;

/** POST /api/cypher { query, params } (validated by the endpoint's own schema in server/routes/api.ts). */
export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
}

/** A draft of a source (/api/sources/drafts): text, metadata, offsets, the extractor's proposals. */
export type DraftResponse = z.infer<typeof drafts.DraftResponse>;
export type DraftSummary = z.infer<typeof drafts.DraftSummary>;
export type DraftListResponse = z.infer<typeof drafts.DraftListResponse>;
export type Span = z.infer<typeof drafts.Span>;
/** One of the extractor's proposals (actor, forum, place, date, quantity, statement, meeting) with its offsets. */
export type Proposal = z.infer<typeof extraction.Proposal>;

/** The review of a draft: decisions, selections, progress, the preview and the commit. */
export type ProposalEdit = z.infer<typeof review.ProposalEdit>;
export type DecisionInput = z.infer<typeof review.DecisionInput>;
export type Decision = z.infer<typeof review.Decision>;
export type SelectionInput = z.infer<typeof review.SelectionInput>;
export type Selection = z.infer<typeof review.Selection>;
export type ReviewProgress = z.infer<typeof review.ReviewProgress>;
export type ReviewResponse = z.infer<typeof review.ReviewResponse>;
export type PreviewResponse = z.infer<typeof review.PreviewResponse>;
export type CommitResponse = z.infer<typeof review.CommitResponse>;
