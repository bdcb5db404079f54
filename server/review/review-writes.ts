/** Changes to a draft's review: decisions (one request all or none), undo, selections; each in one write transaction that holds the draft's lock. */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DecisionInput, SelectionInput } from "../../common/api-types.js";
import type { Editor } from "../drafts/drafts.js";
import type { ParameterProblem } from "../http/endpoint.js";
import { BadRequestError, ConflictError, NotFoundError } from "../lib/errors.js";
import { int } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import {
  decisionOutcome,
  decisionProblems,
  editProblems,
  MAX_SELECTION_CHARS,
  type ReviewContext,
  referencedNodeIds,
} from "./review-rules.js";
import { existingNodes, proposalsOf, type Run } from "./review-state.js";

const lockDraft = defineQuery<{ id: string }>("review/lock-draft", "WRITE").rows({
  text: z.string(),
  extractionJson: z.string().nullable(),
  selections: z.array(z.object({ id: z.string(), kind: z.string(), start: int(), end: int() })),
});
const recordDecisionsQuery = defineQuery<{ id: string; decisions: Record<string, unknown>[]; by: string }>(
  "review/record-decisions",
  "WRITE",
).rows({ written: int() });
const undo = defineQuery<{ id: string; decision: string; by: string }>("review/undo-decision", "WRITE").rows({
  alreadyUndone: z.boolean(),
});
const createSelection = defineQuery<{ id: string; props: Record<string, unknown>; by: string }>(
  "review/create-selection",
  "WRITE",
).rows({ id: z.string() });
const deleteSelection = defineQuery<{ id: string; selection: string }>("review/delete-selection", "WRITE").rows({
  deleted: int(),
});

/** Takes the draft's lock; 404 for an unknown draft. */
async function lock(run: Run, origin: string, draftId: string) {
  const [row] = await run(lockDraft, { id: draftId });
  if (!row) throw new NotFoundError(`${origin}: no draft "${draftId}".`, { id: draftId });
  return row;
}

/** The draft's text, proposals and selections, read under its lock, and the graph's nodes among `ids`. */
async function lockedContext(
  run: Run,
  origin: string,
  draftId: string,
  ids: readonly string[],
): Promise<{ text: string; context: ReviewContext }> {
  const row = await lock(run, origin, draftId);
  return {
    text: row.text,
    context: {
      textLength: row.text.length,
      proposals: new Map(proposalsOf(row.extractionJson).map((proposal) => [proposal.id, proposal])),
      selections: new Map(row.selections.map((selection) => [selection.id, selection])),
      existing: await existingNodes(run, ids),
    },
  };
}

function refuse(origin: string, problems: readonly ParameterProblem[]): never {
  const first = problems[0];
  throw new BadRequestError(
    `${origin}: ${problems.length} problem${problems.length === 1 ? "" : "s"}, nothing was written; ${first?.parameter}: ${first?.message}.`,
    problems,
  );
}

/**
 * Records a request's decisions on a draft's proposals and selections, all or none: a decision
 * naming an unknown proposal, an unknown node or a span outside the text refuses the whole request
 * (BAD_REQUEST naming e.g. `decisions[3].proposal`).
 * @example await recordDecisions(runner, "draft:…", [{ proposal: "p1", action: "accept" }], "local")
 */
export async function recordDecisions(
  runner: QueryRunner,
  draftId: string,
  inputs: readonly DecisionInput[],
  by: Editor,
): Promise<void> {
  const origin = "recordDecisions";
  await runner.transaction("WRITE", "review/record-decisions", async (run) => {
    const { context } = await lockedContext(run, origin, draftId, referencedNodeIds(inputs));
    const problems = decisionProblems(inputs, context);
    if (problems.length > 0) refuse(origin, problems);
    const decisions = inputs.map((input) => {
      const proposal = context.proposals.get(input.proposal);
      const { entity, merge } = decisionOutcome(input, { entity: proposal?.entity ?? null });
      return {
        id: `decision:${randomUUID()}`,
        proposal: input.proposal,
        action: input.action,
        entity,
        mergeCandidate: merge?.candidate ?? null,
        mergeVerdict: merge?.verdict ?? null,
        editJson: input.edit ? JSON.stringify(input.edit) : null,
        decisionNote: input.note ?? null,
      };
    });
    await run(recordDecisionsQuery, { id: draftId, decisions, by });
  });
}

/**
 * Marks a decision undone by `by`, now; the proposal's previous decision applies again. 404 for an
 * unknown draft or decision, 409 DECISION_ALREADY_UNDONE when it already is.
 */
export async function undoDecision(
  runner: QueryRunner,
  draftId: string,
  decisionId: string,
  by: Editor,
): Promise<void> {
  const origin = "undoDecision";
  await runner.transaction("WRITE", "review/undo-decision", async (run) => {
    await lock(run, origin, draftId);
    const [row] = await run(undo, { id: draftId, decision: decisionId, by });
    if (!row)
      throw new NotFoundError(`${origin}: draft "${draftId}" has no decision "${decisionId}".`, { id: decisionId });
    if (row.alreadyUndone) {
      throw new ConflictError("DECISION_ALREADY_UNDONE", `${origin}: decision "${decisionId}" is already undone.`, {
        id: decisionId,
      });
    }
  });
}

/**
 * Stores a reviewer's selection of the draft's text as a claim or event to be, with id `s:<uuid>`;
 * the span must be inside the text, not empty and at most MAX_SELECTION_CHARS long.
 * @example await addSelection(runner, "draft:…", { kind: "claim", start: 10, end: 80, claimText: "…" }, "local")
 */
export async function addSelection(
  runner: QueryRunner,
  draftId: string,
  input: SelectionInput,
  by: Editor,
): Promise<string> {
  const origin = "addSelection";
  const { kind, start, end, ...fields } = input;
  return runner.transaction("WRITE", "review/create-selection", async (run) => {
    const { text, context } = await lockedContext(run, origin, draftId, referencedNodeIds([{ edit: fields }]));
    const problems: ParameterProblem[] = [];
    if (!(start < end))
      problems.push({ parameter: "end", in: "body", message: `must be greater than start (${start})` });
    else if (end > context.textLength) {
      problems.push({ parameter: "end", in: "body", message: `past the text's ${context.textLength} characters` });
    } else if (end - start > MAX_SELECTION_CHARS) {
      problems.push({
        parameter: "end",
        in: "body",
        message: `the selection is longer than ${MAX_SELECTION_CHARS} characters`,
      });
    }
    problems.push(...editProblems(fields, { start, end }, context, ""));
    if (problems.length > 0) refuse(origin, problems);
    const id = `s:${randomUUID()}`;
    const props = {
      id,
      kind,
      start,
      end,
      text: text.slice(start, end),
      fieldsJson: JSON.stringify(fields),
    };
    await run(createSelection, { id: draftId, props, by });
    return id;
  });
}

/** Deletes a selection and its decisions; 404 for an unknown draft or selection. */
export async function removeSelection(runner: QueryRunner, draftId: string, selectionId: string): Promise<void> {
  const origin = "removeSelection";
  await runner.transaction("WRITE", "review/delete-selection", async (run) => {
    await lock(run, origin, draftId);
    const [row] = await run(deleteSelection, { id: draftId, selection: selectionId });
    if ((row?.deleted ?? 0) === 0) {
      throw new NotFoundError(`${origin}: draft "${draftId}" has no selection "${selectionId}".`, { id: selectionId });
    }
  });
}
