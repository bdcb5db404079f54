/** The review's data, computed: proposals and selections as one list of items, their states, what to move to next, exact matches. */
import type {
  Decision,
  DraftResponse,
  Proposal,
  ReviewProgress,
  ReviewResponse,
  Selection,
} from "../../common/api-types.js";

/** What an item is: a proposal's kind, or a reviewer's selection made a claim or an event. */
export type ItemKind = Proposal["kind"] | "claim" | "event";

export interface ReviewItem {
  id: string;
  kind: ItemKind;
  text: string;
  start: number;
  end: number;
  /** The extractor's confidence; null for a reviewer's own selection. */
  score: number | null;
  reason: string;
  /** The existing node it resolves to, or null for something new. */
  entity: string | null;
  alternatives: { entity: string; name: string; score: number }[];
  proposal?: Proposal;
  selection?: Selection;
}

export type ItemState = "accepted" | "rejected" | "unsure" | "unreviewed";

/**
 * Proposals whose entity is set with at least this score count as exact matches: the extractor scores a node's
 * own name 1 and an alias 0.97 (server/extract/resolve.ts); partial names and initials score lower.
 */
export const EXACT_MATCH_SCORE = 0.97;

/** Kinds that name a node of the graph, and so can be linked to another node or made new. */
export const LINKABLE_KINDS: ReadonlySet<ItemKind> = new Set(["actor", "forum"]);

/**
 * The draft's proposals and the reviewer's selections in reading order (by start; the longer span first when two
 * start together, so an enclosing meeting comes before its participants).
 */
export function reviewItems(draft: DraftResponse, review: ReviewResponse | undefined): ReviewItem[] {
  const proposals: ReviewItem[] = (draft.extraction?.proposals ?? []).map((proposal) => ({
    id: proposal.id,
    kind: proposal.kind,
    text: proposal.text,
    start: proposal.start,
    end: proposal.end,
    score: proposal.score,
    reason: proposal.reason,
    entity: proposal.entity,
    alternatives: proposal.alternatives,
    proposal,
  }));
  const selections: ReviewItem[] = (review?.selections ?? []).map((selection) => ({
    id: selection.id,
    kind: selection.kind,
    text: selection.text,
    start: selection.start,
    end: selection.end,
    score: null,
    reason: `Selected by ${selection.by}`,
    entity: null,
    alternatives: [],
    selection,
  }));
  return [...proposals, ...selections].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
}

/** The current decision of each proposal or selection (undone decisions are not current). */
export function decisionsByItem(review: ReviewResponse | undefined): Map<string, Decision> {
  const out = new Map<string, Decision>();
  for (const decision of review?.decisions ?? []) if (!decision.undone) out.set(decision.proposal, decision);
  return out;
}

export function itemState(decision: Decision | undefined): ItemState {
  if (!decision) return "unreviewed";
  return decision.action === "accept" ? "accepted" : decision.action === "reject" ? "rejected" : "unsure";
}

/**
 * What an item stands for once decided: the decision's entity when it made one, else the extractor's.
 * @example resolvedEntity(item, { entity: null, … }) === null  // made new
 */
export function resolvedEntity(item: ReviewItem, decision: Decision | undefined): string | null {
  return decision && decision.action !== "reject" ? decision.entity : item.entity;
}

/** Ids of the unreviewed proposals that resolve to an existing node with an exact-match score (see EXACT_MATCH_SCORE). */
export function exactMatches(items: readonly ReviewItem[], decided: { has(id: string): boolean }): string[] {
  return items
    .filter(
      (item) =>
        item.proposal && item.entity !== null && (item.score ?? 0) >= EXACT_MATCH_SCORE && !decided.has(item.id),
    )
    .map((item) => item.id);
}

/**
 * Where accept-and-next goes from `index`: the next unreviewed item after it (going round), or the next item
 * when every item has been reviewed; stays put on an empty list.
 * @example nextUnreviewed(items, new Set(["p5"]), 3) === 5 // item 4 (p5) was reviewed already
 */
export function nextUnreviewed(
  items: readonly ReviewItem[],
  decided: { has(id: string): boolean },
  index: number,
): number {
  const count = items.length;
  if (count === 0) return 0;
  for (let step = 1; step <= count; step++) {
    const candidate = (index + step) % count;
    const item = items[candidate];
    if (item && !decided.has(item.id)) return candidate;
  }
  return Math.min(index + 1, count - 1);
}

/**
 * The decision `z` undoes: the newest current one (by time; a bulk accept's decisions share one, so the last of
 * them in the answer).
 */
export function latestDecision(review: ReviewResponse | undefined): Decision | undefined {
  let latest: Decision | undefined;
  // By the instant, not the text: the server may write "…44.79Z" for "…44.790Z", which sorts after "…44.791Z".
  const time = (decision: Decision) => Date.parse(decision.at);
  for (const decision of review?.decisions ?? []) {
    if (decision.undone) continue;
    if (!latest || time(decision) >= time(latest)) latest = decision;
  }
  return latest;
}

/**
 * @example progressText({ total: 52, reviewed: 14, accepted: 10, rejected: 3, unsure: 1 }) === "14 of 52 reviewed"
 */
export function progressText(progress: Pick<ReviewProgress, "total" | "reviewed">): string {
  return `${progress.reviewed} of ${progress.total} reviewed`;
}

/** The progress the items and decisions imply, for before the server's review has answered. */
export function localProgress(items: readonly ReviewItem[], decisions: ReadonlyMap<string, Decision>): ReviewProgress {
  const states = items.map((item) => itemState(decisions.get(item.id)));
  const count = (state: ItemState) => states.filter((each) => each === state).length;
  return {
    total: items.length,
    reviewed: states.length - count("unreviewed"),
    accepted: count("accepted"),
    rejected: count("rejected"),
    unsure: count("unsure"),
  };
}

/**
 * Two existing actors of a meeting proposal as the review resolved them (for the who-met-whom view after a
 * commit); undefined when it is not a meeting or fewer than two of its participants are in the graph.
 */
export function meetingPair(
  items: readonly ReviewItem[],
  decisions: ReadonlyMap<string, Decision>,
  proposalId: string | undefined,
): [string, string] | undefined {
  const proposal = items.find((item) => item.id === proposalId)?.proposal;
  if (proposal?.kind !== "meeting") return undefined;
  const actors = proposal.participants.flatMap((id) => {
    const item = items.find((each) => each.id === id);
    const entity = item ? resolvedEntity(item, decisions.get(id)) : null;
    return entity ? [entity] : [];
  });
  const [first, second] = actors;
  return first && second ? [first, second] : undefined;
}
