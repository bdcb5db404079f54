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

/**
 * Looks mentions up among the nodes the graph already holds. Implementations must be bounded:
 * they are given the mentions of one document and answer for those, never list every name.
 */
export interface EntityResolver {
  readonly name: string;
  /** Candidates per mention text (keyed by the mention's text), best first. */
  resolve(mentions: readonly Mention[]): Promise<Map<string, Candidate[]>>;
}
