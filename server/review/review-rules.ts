/** The review's rules, pure: which decision is current, progress, merge verdicts, and what a decision or selection may refer to. */

import type { Decision, DecisionInput, ProposalEdit, ReviewProgress } from "../../common/api-types.js";
import type { Proposal } from "../../common/contract/extraction.js";
import type { ParameterProblem } from "../http/endpoint.js";
import type { ExistingNode } from "./compile.js";

/** How a reviewer's new node of this draft is named in edit lists: `new:<proposal or selection id>`. */
const NEW_PREFIX = "new:";

/** Longest selection a reviewer may make into a claim or an event (a passage, not an article). */
export const MAX_SELECTION_CHARS = 2_000;

/**
 * The current decision of each proposal or selection: its newest one not undone (decisions come in
 * the order they were taken, oldest first).
 * @example currentDecisions([accept p1, reject p1 (undone)]) // [accept p1]
 */
export function currentDecisions(all: readonly Decision[]): Decision[] {
  const current = new Map<string, Decision>();
  for (const decision of all) if (decision.undone === null) current.set(decision.proposal, decision);
  return [...current.values()];
}

/** "14 of 52 reviewed": every proposal and selection counts; a decision that is not undone reviews it. */
export function progressOf(total: number, current: readonly Decision[]): ReviewProgress {
  const count = (action: Decision["action"]) => current.filter((decision) => decision.action === action).length;
  return {
    total,
    reviewed: current.length,
    accepted: count("accept"),
    rejected: count("reject"),
    unsure: count("unsure"),
  };
}

/**
 * What a decision records: the entity it links to, and the merge verdict when the proposal had a
 * candidate node (the extractor's entity, or the alternative or node the reviewer picked).
 * accept + the candidate → same; accept + null or another node → different from the proposed one;
 * unsure → unsure. A rejection links nothing and decides no merge.
 * @example decisionOutcome({ action: "accept", entity: null }, { entity: "actor:wang-yi" })
 *   // { entity: null, merge: { candidate: "actor:wang-yi", verdict: "different" } }
 */
export function decisionOutcome(
  input: Pick<DecisionInput, "action" | "entity">,
  /** The extractor's resolution of the proposal (null for a new node, and for a selection). */
  proposal: { entity: string | null },
): { entity: string | null; merge: Decision["merge"] } {
  const chosen = input.entity === undefined ? proposal.entity : input.entity;
  if (input.action === "reject") return { entity: null, merge: null };
  const candidate = proposal.entity ?? chosen;
  if (candidate === null) return { entity: chosen, merge: null };
  if (input.action === "unsure") return { entity: chosen, merge: { candidate, verdict: "unsure" } };
  return { entity: chosen, merge: { candidate, verdict: chosen === candidate ? "same" : "different" } };
}

/** Labels an existing node may have for what a proposal or selection is: an actor links to an Actor… */
const LINKABLE: Record<string, readonly ExistingNode["label"][]> = {
  actor: ["Actor"],
  forum: ["Forum"],
  meeting: ["Event"],
  event: ["Event"],
  statement: ["Claim"],
  quantity: ["Claim"],
  claim: ["Claim"],
};

/** What a check needs to know of the draft and the graph. */
export interface ReviewContext {
  textLength: number;
  /** Proposals by id, and the draft's selections (kind claim or event) by id. */
  proposals: ReadonlyMap<string, Pick<Proposal, "kind" | "start" | "end" | "entity">>;
  selections: ReadonlyMap<string, { kind: string; start: number; end: number }>;
  /** The nodes of the graph among the ids the inputs name. */
  existing: ReadonlyMap<string, Pick<ExistingNode, "label">>;
}

/** The node ids an edit names (existing ones; `new:` references are the draft's own). */
function editIds(edit: ProposalEdit | undefined): { field: string; id: string }[] {
  if (!edit) return [];
  const lists = (["participants", "about", "statedBy"] as const).flatMap((field) =>
    (edit[field] ?? []).map((id, index) => ({ field: `${field}[${index}]`, id })),
  );
  return edit.forum ? [...lists, { field: "forum", id: edit.forum }] : lists;
}

/** Every id an input refers to in the graph: for the caller to look up before checking. */
export function referencedNodeIds(inputs: readonly { entity?: string | null; edit?: ProposalEdit }[]): string[] {
  const ids = new Set<string>();
  for (const input of inputs) {
    if (typeof input.entity === "string") ids.add(input.entity);
    for (const { id } of editIds(input.edit)) if (!id.startsWith(NEW_PREFIX)) ids.add(id);
  }
  return [...ids];
}

/**
 * Problems with an edit's references and span, each naming its field after `prefix`
 * (e.g. `decisions[3].edit.` + `participants[1]`); `span` is the proposal's own, which absent ends keep.
 */
export function editProblems(
  edit: ProposalEdit | undefined,
  span: { start: number; end: number },
  context: ReviewContext,
  prefix: string,
): ParameterProblem[] {
  const problems: ParameterProblem[] = [];
  const problem = (parameter: string, message: string) => problems.push({ parameter, in: "body", message });
  for (const { field, id } of editIds(edit)) {
    if (id.startsWith(NEW_PREFIX)) {
      const own = id.slice(NEW_PREFIX.length);
      if (!context.proposals.has(own) && !context.selections.has(own)) {
        problem(`${prefix}${field}`, `"${id}" names no proposal or selection of this draft`);
      }
    } else if (!context.existing.has(id)) problem(`${prefix}${field}`, `no actor, forum, event or claim "${id}"`);
  }
  if (edit && (edit.start !== undefined || edit.end !== undefined)) {
    const start = edit.start ?? span.start;
    const end = edit.end ?? span.end;
    if (!(start < end)) problem(`${prefix}start`, `the span must have start < end (got ${start}..${end})`);
    else if (end > context.textLength) {
      problem(`${prefix}end`, `the span ends at ${end}, past the text's ${context.textLength} characters`);
    }
  }
  return problems;
}

/**
 * Problems with a request's decisions, each naming its input (`decisions[3].proposal` and the id);
 * none means every decision may be written.
 */
export function decisionProblems(inputs: readonly DecisionInput[], context: ReviewContext): ParameterProblem[] {
  return inputs.flatMap((input, index) => {
    const at = `decisions[${index}]`;
    const target = context.proposals.get(input.proposal) ?? context.selections.get(input.proposal);
    if (!target) {
      return [
        {
          parameter: `${at}.proposal`,
          in: "body" as const,
          message: `no proposal or selection "${input.proposal}" in this draft`,
        },
      ];
    }
    const problems: ParameterProblem[] = [];
    if (typeof input.entity === "string") {
      const node = context.existing.get(input.entity);
      const allowed = LINKABLE[target.kind];
      if (input.entity.startsWith(NEW_PREFIX)) {
        problems.push({
          parameter: `${at}.entity`,
          in: "body",
          message: `"${input.entity}": new: ids are for edit lists only; null makes a new node`,
        });
      } else if (!node) {
        problems.push({
          parameter: `${at}.entity`,
          in: "body",
          message: `no actor, forum, event or claim "${input.entity}"`,
        });
      } else if (allowed && !allowed.includes(node.label)) {
        problems.push({
          parameter: `${at}.entity`,
          in: "body",
          message: `"${input.entity}" is a ${node.label}; a ${target.kind} links to ${allowed.join(" or ")}`,
        });
      }
    }
    return [...problems, ...editProblems(input.edit, target, context, `${at}.edit.`)];
  });
}
