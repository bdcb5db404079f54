/** The review endpoints of a draft (/api/sources/drafts/:id/…): decisions, undo, history, selections, preview, commit and the dataset's zip; writes guarded and audited. */
import express, { Router } from "express";
import { z } from "zod";
import {
  CommitResponse,
  DecisionHistoryResponse,
  DecisionInput,
  PreviewResponse,
  ReviewResponse,
  SelectionInput,
} from "../../common/contract/review.js";
import type { AppDeps } from "../app.js";
import { exposure } from "../config.js";
import { audited } from "../http/audited.js";
import { type Download, type Endpoint, endpoint } from "../http/endpoint.js";
import { boundedInt } from "../http/params.js";
import { admittedEditor, writeGuard } from "../http/write-guard.js";
import { commitDraft, datasetZip, previewDraft } from "../review/commit-draft.js";
import { decisionHistory, readReview } from "../review/review-state.js";
import { addSelection, recordDecisions, removeSelection, undoDecision } from "../review/review-writes.js";
import { draftId } from "./sources.js";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const decisionId = z
  .string()
  .regex(
    new RegExp(`^decision:${UUID}$`),
    'must be a decision id such as "decision:1b4e28ba-2fa1-11d2-883f-0016d3cca427"',
  );
const selectionId = z
  .string()
  .regex(new RegExp(`^s:${UUID}$`), 'must be a selection id such as "s:1b4e28ba-2fa1-11d2-883f-0016d3cca427"');
const draftParams = z.strictObject({ id: draftId });
/** Decisions one request may carry: a bulk accept of every exact match of a long article fits. */
const MAX_DECISIONS = 500;

/** Every endpoint of a draft's review, for the API router and its OpenAPI document. */
export function reviewEndpoints(deps: AppDeps): Endpoint[] {
  const { runner, logger } = deps;
  const review = async (id: string, signal?: AbortSignal) => (await readReview(runner, id, signal)).review;
  return [
    endpoint({
      method: "get",
      path: "/sources/drafts/:id/review",
      summary:
        "A draft's review: the current decision of each proposal and selection, the selections, progress and last commit",
      params: draftParams,
      response: ReviewResponse,
      handle: ({ params }, { signal }) => review(params.id, signal),
    }),
    endpoint({
      method: "post",
      path: "/sources/drafts/:id/decisions",
      summary:
        "Decide on proposals or selections: accept, reject or unsure, linked, edited, noted; all or none (editors only)",
      description: `At most ${MAX_DECISIONS} decisions; each is appended (the newest not undone is a proposal's current one). A proposal or selection the draft does not have, an \`entity\` that is no Actor, Forum, Event or Claim of the graph (or not of the proposal's kind), a \`new:<proposal id>\` naming nothing of the draft, or an edited span outside the text refuses the whole request: 400 naming e.g. \`decisions[3].proposal\`. A merge verdict is recorded when the proposal had a candidate node: accepted as it → same, accepted as a new or another node → different, unsure → unsure.`,
      params: draftParams,
      body: z.strictObject({ decisions: z.array(DecisionInput).min(1).max(MAX_DECISIONS) }),
      response: ReviewResponse,
      handle: ({ params, body }, { req, res }) =>
        audited(
          logger,
          { req, res },
          "review.decide",
          async () => {
            await recordDecisions(runner, params.id, body.decisions, admittedEditor(res));
            return review(params.id);
          },
          params.id,
        ),
    }),
    endpoint({
      method: "post",
      path: "/sources/drafts/:id/decisions/:decisionId/undo",
      summary:
        "Undo a decision: it stays in the history, marked undone; the proposal's previous decision applies again (editors only)",
      description: "Undoing a decision already undone: 409 `DECISION_ALREADY_UNDONE`.",
      params: z.strictObject({ id: draftId, decisionId }),
      response: ReviewResponse,
      handle: ({ params }, { req, res }) =>
        audited(
          logger,
          { req, res },
          "review.undo",
          async () => {
            await undoDecision(runner, params.id, params.decisionId, admittedEditor(res));
            return review(params.id);
          },
          params.id,
        ),
    }),
    endpoint({
      method: "get",
      path: "/sources/drafts/:id/decisions",
      summary: "Every decision on a draft, the newest first, undone ones included, a page at a time",
      params: draftParams,
      query: z.strictObject({ limit: boundedInt(1, 500, 50), offset: boundedInt(0, 10_000_000, 0) }),
      response: DecisionHistoryResponse,
      handle: ({ params, query }, { signal }) => decisionHistory(runner, params.id, query, signal),
    }),
    endpoint({
      method: "post",
      path: "/sources/drafts/:id/selections",
      summary: "Make a claim or an event of a stretch of the text a reviewer selected (editors only)",
      description:
        "The selection becomes a proposal of its own, id `s:<uuid>`, that decisions refer to; its span must be inside the text, not empty, and at most 2,000 characters.",
      params: draftParams,
      body: SelectionInput,
      response: ReviewResponse,
      handle: ({ params, body }, { req, res }) =>
        audited(
          logger,
          { req, res },
          "review.select",
          async () => {
            await addSelection(runner, params.id, body, admittedEditor(res));
            return review(params.id);
          },
          params.id,
        ),
    }),
    endpoint({
      method: "delete",
      path: "/sources/drafts/:id/selections/:selectionId",
      summary: "Delete a selection and the decisions on it (editors only)",
      params: z.strictObject({ id: draftId, selectionId }),
      response: ReviewResponse,
      handle: ({ params }, { req, res }) =>
        audited(
          logger,
          { req, res },
          "review.unselect",
          async () => {
            await removeSelection(runner, params.id, params.selectionId);
            return review(params.id);
          },
          params.id,
        ),
    }),
    endpoint({
      method: "get",
      path: "/sources/drafts/:id/preview",
      summary: "What committing the draft would add and link, with the dataset's validation; writes nothing",
      params: draftParams,
      response: PreviewResponse,
      handle: ({ params }, { signal }) => previewDraft(runner, params.id, signal),
    }),
    endpoint({
      method: "post",
      path: "/sources/drafts/:id/commit",
      summary: "Commit the reviewed draft: its dataset is validated and loaded all or nothing (editors only)",
      description:
        "Only accepted proposals and selections enter the dataset. 409 `DRAFT_COMMIT_CONFLICT` while another commit of the draft runs; 422 `DATASET_INVALID` (`details.problems`) when the dataset is invalid or its load fails: the graph and the draft stay as they were. Committing again replaces the dataset.",
      params: draftParams,
      response: CommitResponse,
      handle: ({ params }, { req, res }) =>
        audited(
          logger,
          { req, res },
          "review.commit",
          () => commitDraft(runner, params.id, admittedEditor(res)),
          params.id,
        ),
    }),
    endpoint({
      method: "get",
      path: "/sources/drafts/:id/dataset.zip",
      summary: "The dataset of the draft's last commit, its files in a zip (404 before the first commit)",
      params: draftParams,
      response: z.custom<Download>(),
      download: { mediaType: "application/zip" },
      handle: ({ params }, { signal }) => datasetZip(runner, params.id, signal),
    }),
  ];
}

/**
 * What runs before the body of a review write is read: the write guard (a refused request costs
 * nothing), then a JSON parser sized for a bulk of decisions. Mounted by createApp at /api/sources/drafts.
 */
export function reviewGate(deps: AppDeps): Router {
  const guard = writeGuard(exposure(deps.config));
  const json = express.json({ limit: "2mb" });
  const router = Router();
  router.post(["/:id/decisions", "/:id/selections"], guard, json);
  router.post(["/:id/decisions/:decisionId/undo", "/:id/commit"], guard);
  router.delete("/:id/selections/:selectionId", guard);
  return router;
}
