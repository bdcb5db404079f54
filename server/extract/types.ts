/** The shapes of an extraction (their schemas are in common/contract/extraction.ts, a draft's `extraction`) and the resolver that links mentions to the graph. */

export {
  ActorType,
  Alternative,
  DatePrecision,
  DateQualifier,
  Extraction,
  MeetingProposal,
  Proposal,
  QuantityProposal,
  Span,
} from "../../common/contract/extraction.js";

export interface ExtractInput {
  text: string;
  /** ISO date the relative dates are read against ("last July"); today when absent. */
  publishedAt?: string | undefined;
}

/** A name as the document writes it, to look up in the graph. */
export interface Mention {
  text: string;
  /** What the recogniser thinks it is; the resolver may know better. */
  kind: "actor" | "forum" | "place";
  /** A title written before the name, which may single out one of several namesakes. */
  title?: string;
  /** Only an exact name or alias counts (a word run looked up as a possible name, not a recognised one). */
  exact?: boolean;
}

/** A node the graph holds that a mention may name. */
export interface Candidate {
  entity: string;
  name: string;
  /** "Actor" or "Forum". */
  label: "Actor" | "Forum";
  /** The actor's or forum's kind (person, state, summit…). */
  kind: string | null;
  /** 1 for an exact name or alias, less for partial word matches. */
  score: number;
  /** How it matched: "name", "alias", "words". */
  how: string;
}

/** A meeting proposal to look up among the events the graph holds (server/extract/meeting-events.ts builds it). */
export interface EventQuery {
  /** The meeting proposal's id. */
  key: string;
  /** Ids of the actors its participants resolved to (at least one). */
  participants: string[];
  /** Id of the forum it resolved to, or null. */
  forum: string | null;
  /** Participants an event must share with it (2; 1 for a dated state visit, whose visitor alone is named). */
  least: 1 | 2;
  /** Event kinds that can be the same happening ("meeting" can be a state visit or a summit). */
  kinds: string[];
  /** Inclusive ISO days an event must overlap, or null when nothing bounds the date. */
  window: { from: string; to: string } | null;
  /** ISO day the candidates are ordered by (nearest first): the date meant, or the publication. */
  near: string | null;
}

/** An event the graph holds that a meeting proposal may report. */
export interface EventCandidate {
  entity: string;
  name: string;
  kind: string;
  /** Inclusive ISO bounds as stored (`dateStart`, `dateEnd`), null when open or undated. */
  start: string | null;
  end: string | null;
  precision: string | null;
  /** The queried participants that took part in it. */
  participants: string[];
  /** Its forums (its own, or its series'). */
  forums: string[];
}

/** An office to look up among a state's role holders ("the Chinese leader": China, president or premier…). */
export interface RoleQuery {
  key: string;
  /** The state's id. */
  state: string;
  /** Role titles, folded ("foreign minister"). */
  titles: string[];
}

/** Someone the graph records in a role of that state. */
export interface RoleHolder {
  entity: string;
  name: string;
  title: string;
  /** "then" for a former role. */
  qualifier: string | null;
  /** ISO day the role ended, or null. */
  end: string | null;
}

/**
 * Looks mentions up among the nodes the graph already holds. Implementations must be bounded:
 * they are given the mentions of one document and answer for those, never list every name.
 */
export interface EntityResolver {
  readonly name: string;
  /** Candidates per mention text (keyed by the mention's text), best first. */
  resolve(mentions: readonly Mention[]): Promise<Map<string, Candidate[]>>;
  /** Events each meeting may be (keyed by the query's key), bounded per query; absent: meetings stay new. */
  events?(queries: readonly EventQuery[]): Promise<Map<string, EventCandidate[]>>;
  /** Holders of offices of states (keyed by the query's key), bounded by each state's roles; absent: offices stay unresolved. */
  roleHolders?(queries: readonly RoleQuery[]): Promise<Map<string, RoleHolder[]>>;
}
