/** A reviewed draft's preview, commit and dataset download: compiled by server/review/compile.ts, checked and loaded by server/review/dataset-files.ts. */
import { randomUUID } from "node:crypto";
import { strToU8, zipSync } from "fflate";
import { z } from "zod";
import type { CommitResponse, PreviewResponse } from "../../common/api-types.js";
import type { DatasetProblem } from "../../common/contract/review.js";
import type { Problem } from "../dataset/validate.js";
import { NotFoundDomainError } from "../domain/errors.js";
import { type Editor, getDraft } from "../drafts/drafts.js";
import type { Download } from "../http/endpoint.js";
import { ConflictError, LiaisonError } from "../lib/errors.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { type CompiledDataset, compileDraft, type DatasetFile, referencedIds } from "./compile.js";
import { loadCompiled, validateCompiled } from "./dataset-files.js";
import { existingNodes, readReview } from "./review-state.js";

/**
 * How long a commit's lease on its draft holds before another commit may take it over: longer than
 * any commit of one article runs; a commit whose app instance died frees its draft after it.
 */
const COMMIT_LEASE_MS = 15 * 60_000;

const beginCommit = defineQuery<{ id: string; token: string; staleMs: number }>("review/begin-commit", "WRITE").rows({
  taken: z.boolean(),
});
const endCommit = defineQuery<{ id: string; token: string; commit: Record<string, string> | null }>(
  "review/end-commit",
  "WRITE",
).rows({ id: z.string() });
const committedFiles = defineQuery<{ id: string }>("review/committed-files", "READ").rows({
  datasetId: z.string().nullable(),
  filesJson: z.string().nullable(),
});

/** The dataset a draft's review compiles to now: the draft, its current decisions and selections, and the nodes they name. */
async function compiled(runner: QueryRunner, draftId: string, signal?: AbortSignal): Promise<CompiledDataset> {
  const draft = await getDraft(runner, draftId, signal);
  const { review } = await readReview(runner, draftId, signal);
  const input = { draft, selections: review.selections, decisions: review.decisions };
  const existing = await existingNodes(
    async (query, params) => (await runner.run(query, params, { signal })).rows,
    referencedIds(input),
  );
  return compileDraft({ ...input, existing });
}

const fileSizes = (files: readonly DatasetFile[]) =>
  files.map((file) => ({ path: file.path, bytes: Buffer.byteLength(file.text, "utf8") }));

/** A validator's problem as the contract sends it. */
const toContract = (problem: Problem): z.infer<typeof DatasetProblem> => ({
  code: problem.code,
  file: problem.file,
  line: problem.line,
  path: problem.path,
  message: problem.message,
});

/** The compiled dataset has problems: 422 DATASET_INVALID, `details.problems` lists them (as the loader's own refusal does). */
class CommitRefusedError extends LiaisonError {
  constructor(draftId: string, problems: readonly Problem[]) {
    super(
      422,
      "DATASET_INVALID",
      `commitDraft: the dataset of draft "${draftId}" has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was loaded. First: ${problems[0]?.path ?? ""} ${problems[0]?.message ?? ""}`,
      { details: { problems: problems.map(toContract) } },
    );
  }
}

/**
 * What committing the draft would add and link, and whether its dataset is valid; writes nothing.
 * @example (await previewDraft(runner, "draft:…")).valid
 */
export async function previewDraft(
  runner: QueryRunner,
  draftId: string,
  signal?: AbortSignal,
): Promise<PreviewResponse> {
  const dataset = await compiled(runner, draftId, signal);
  const problems = await validateCompiled(runner, dataset);
  return {
    draftId,
    datasetId: dataset.datasetId,
    sourceId: dataset.sourceId,
    adds: dataset.adds,
    links: dataset.links,
    evidence: dataset.evidence,
    skipped: dataset.skipped,
    valid: problems.length === 0,
    problems: problems.map(toContract),
    files: fileSizes(dataset.files),
  };
}

/**
 * Compiles the draft's review into a dataset, validates it and loads it all or nothing, and records
 * the commit on the draft. One commit of a draft at a time (409 DRAFT_COMMIT_CONFLICT); an invalid
 * dataset or a failed load leaves the graph and the draft as they were (422 DATASET_INVALID).
 * Committing again replaces the dataset: the loader reloads a dataset by its id.
 */
export async function commitDraft(runner: QueryRunner, draftId: string, by: Editor): Promise<CommitResponse> {
  const token = randomUUID();
  const [lease] = (await runner.run(beginCommit, { id: draftId, token, staleMs: COMMIT_LEASE_MS })).rows;
  if (!lease) throw new NotFoundDomainError("commitDraft", "draft", draftId);
  if (!lease.taken) {
    throw new ConflictError(
      "DRAFT_COMMIT_CONFLICT",
      `commitDraft: draft "${draftId}" is being committed by another request; try again when it has finished.`,
      { id: draftId },
    );
  }
  let commit: Record<string, string> | null = null;
  try {
    // Not aborted when the client goes away: a load that started finishes, and the draft records it.
    const dataset = await compiled(runner, draftId);
    const problems = await validateCompiled(runner, dataset);
    if (problems.length > 0) throw new CommitRefusedError(draftId, problems);
    const loaded = await loadCompiled(runner, dataset);
    commit = {
      committedDatasetId: dataset.datasetId,
      committedSourceId: dataset.sourceId,
      committedBy: by,
      committedFilesJson: JSON.stringify(dataset.files),
    };
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
    return {
      draftId,
      datasetId: dataset.datasetId,
      sourceId: dataset.sourceId,
      nodes: sum(loaded.nodes),
      relationships: sum(loaded.relationships),
      files: fileSizes(dataset.files),
      by,
      at: new Date().toISOString(),
    };
  } finally {
    await runner.run(endCommit, { id: draftId, token, commit });
  }
}

/**
 * The files of the draft's last commit as a zip, under a folder named by the dataset id; 404 when
 * the draft is unknown or was never committed.
 */
export async function datasetZip(runner: QueryRunner, draftId: string, signal?: AbortSignal): Promise<Download> {
  const [row] = (await runner.run(committedFiles, { id: draftId }, { signal })).rows;
  if (!row) throw new NotFoundDomainError("datasetZip", "draft", draftId);
  if (row.datasetId === null || row.filesJson === null) {
    throw new NotFoundDomainError("datasetZip", "committed dataset of draft", draftId);
  }
  const files = JSON.parse(row.filesJson) as DatasetFile[];
  const entries = Object.fromEntries(files.map((file) => [`${row.datasetId}/${file.path}`, strToU8(file.text)]));
  return { filename: `${row.datasetId}.zip`, bytes: zipSync(entries, { level: 6 }) };
}
