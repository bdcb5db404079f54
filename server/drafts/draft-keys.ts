/** The property keys only Draft nodes and their review (ReviewDecision, Selection) carry, which the graph's schema (/api/schema) leaves out: drafts are not the explorer's graph. */

/**
 * Keys that cypher/drafts/ and cypher/review/ write and no loader query does; keep in step with
 * createDraft's props and the review's (tests/integration/api-sources-extract.test.ts and
 * api-review.test.ts check that /api/schema shows no key only drafts and their review have).
 */
export const DRAFT_ONLY_KEYS: readonly string[] = [
  "format",
  "publishedAt",
  "paragraphStarts",
  "paragraphEnds",
  "sentenceStarts",
  "sentenceEnds",
  "createdBy",
  "createdAt",
  "updatedAt",
  "extractionJson",
  "proposalCount",
  // The review (server/review/): on the Draft, on its ReviewDecision and Selection nodes.
  "reviewedAt",
  "reviewSeq",
  "commitToken",
  "commitStartedAt",
  "committedDatasetId",
  "committedSourceId",
  "committedBy",
  "committedAt",
  "committedFilesJson",
  "draftId",
  "proposal",
  "action",
  "entity",
  "mergeCandidate",
  "mergeVerdict",
  "editJson",
  "decisionNote",
  "by",
  "at",
  "seq",
  "undoneBy",
  "undoneAt",
  "fieldsJson",
];
