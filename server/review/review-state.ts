/** Reads a draft's review from Neo4j: its decisions (current ones and the paged history), selections, progress and last commit; and the graph's nodes a review names. */

import { z } from "zod";
import type { Decision, ProposalEdit, ReviewResponse, Selection } from "../../common/api-types.js";
import type { Proposal } from "../../common/contract/extraction.js";
import type { DecisionHistoryResponse, MergeVerdict } from "../../common/contract/review.js";
import { NotFoundDomainError } from "../domain/errors.js";
import { instant } from "../lib/instant.js";
import { int, jsonMap } from "../neo4j/columns.js";
import { defineQuery, type Query, type QueryRunner } from "../neo4j/query-runner.js";
import type { ExistingNode } from "./compile.js";
import { currentDecisions, progressOf } from "./review-rules.js";

const state = defineQuery<{ id: string }>("review/state", "READ").rows({
  draft: jsonMap(),
  decisions: z.array(jsonMap()),
  selections: z.array(jsonMap()),
});
const history = defineQuery<{ id: string; offset: number; limit: number }>("review/history", "READ").rows({
  total: int(),
  decisions: z.array(jsonMap()),
});
const nodesById = defineQuery<{ ids: readonly string[] }>("review/nodes-by-id", "READ").rows({
  id: z.string(),
  label: z.enum(["Actor", "Forum", "Event", "Claim"]),
  name: z.string(),
  datasets: z.array(z.string()),
});

const text = (value: unknown) => (typeof value === "string" ? value : null);
const parsed = <T>(value: unknown): T | null => (typeof value === "string" ? (JSON.parse(value) as T) : null);

/** A stored ReviewDecision's properties as the API answers them. */
function toDecision(props: Record<string, unknown>): Decision {
  const candidate = text(props.mergeCandidate);
  const verdict = text(props.mergeVerdict) as z.infer<typeof MergeVerdict>["verdict"] | null;
  const undoneAt = text(props.undoneAt);
  return {
    id: String(props.id),
    draftId: String(props.draftId),
    proposal: String(props.proposal),
    action: props.action as Decision["action"],
    entity: text(props.entity),
    merge: candidate !== null && verdict !== null ? { candidate, verdict } : null,
    edit: parsed<ProposalEdit>(props.editJson),
    note: text(props.decisionNote),
    by: String(props.by),
    at: instant(props.at),
    undone: undoneAt === null ? null : { by: String(props.undoneBy), at: instant(undoneAt) },
  };
}

/** A stored Selection's properties as the API answers them. */
function toSelection(props: Record<string, unknown>): Selection {
  return {
    id: String(props.id),
    draftId: String(props.draftId),
    kind: props.kind as Selection["kind"],
    start: Number(props.start),
    end: Number(props.end),
    text: String(props.text),
    fields: parsed<ProposalEdit>(props.fieldsJson) ?? {},
    by: String(props.by),
    at: instant(props.at),
  };
}

/** The proposals of a stored extraction (none when the draft was made without an extractor). */
export function proposalsOf(extractionJson: unknown): Proposal[] {
  return parsed<{ proposals: Proposal[] }>(extractionJson)?.proposals ?? [];
}

/** A draft's review with what the compiler also needs: its proposals and every decision, undone ones included. */
export interface ReviewState {
  review: ReviewResponse;
  proposals: Proposal[];
}

/**
 * The review of a draft: its selections, the current decision of each proposal or selection,
 * progress and last commit; NotFoundDomainError for an unknown draft.
 * @example (await readReview(runner, "draft:…")).review.progress // { total: 52, reviewed: 14, … }
 */
export async function readReview(runner: QueryRunner, draftId: string, signal?: AbortSignal): Promise<ReviewState> {
  const { rows } = await runner.run(state, { id: draftId }, { signal });
  const row = rows[0];
  if (!row) throw new NotFoundDomainError("readReview", "draft", draftId);
  const proposals = proposalsOf(row.draft.extractionJson);
  const selections = row.selections.map(toSelection);
  const decisions = currentDecisions(row.decisions.map(toDecision));
  const datasetId = text(row.draft.committedDatasetId);
  return {
    proposals,
    review: {
      draftId,
      selections,
      decisions,
      progress: progressOf(proposals.length + selections.length, decisions),
      committed:
        datasetId === null
          ? null
          : { datasetId, at: instant(row.draft.committedAt), by: String(row.draft.committedBy) },
    },
  };
}

/**
 * A page of a draft's decisions, newest first, undone ones included; NotFoundDomainError for an unknown draft.
 * @example await decisionHistory(runner, "draft:…", { limit: 50, offset: 0 })
 */
export async function decisionHistory(
  runner: QueryRunner,
  draftId: string,
  page: { limit: number; offset: number },
  signal?: AbortSignal,
): Promise<z.infer<typeof DecisionHistoryResponse>> {
  const { rows } = await runner.run(history, { id: draftId, ...page }, { signal });
  const row = rows[0];
  if (!row) throw new NotFoundDomainError("decisionHistory", "draft", draftId);
  const next = page.offset + row.decisions.length;
  return {
    decisions: row.decisions.map(toDecision),
    total: row.total,
    nextOffset: next < row.total && row.decisions.length > 0 ? next : null,
  };
}

/** Runs a named query, on the runner or inside a transaction. */
export type Run = <Params extends object, Row>(query: Query<Params, Row>, params: Params) => Promise<Row[]>;

/**
 * The Actor, Forum, Event and Claim nodes among `ids`, by id (an id that is none of them is left out),
 * with their dataset ids without the "dataset:" prefix.
 * @example await existingNodes(run, ["actor:wang-yi"]) // Map { "actor:wang-yi" => { label: "Actor", … } }
 */
export async function existingNodes(run: Run, ids: readonly string[]): Promise<Map<string, ExistingNode>> {
  if (ids.length === 0) return new Map();
  const rows = await run(nodesById, { ids });
  return new Map(
    rows.map((row) => [row.id, { ...row, datasets: row.datasets.map((dataset) => dataset.replace(/^dataset:/, "")) }]),
  );
}
