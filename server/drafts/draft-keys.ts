/** The property keys only Draft nodes carry, which the graph's schema (/api/schema) leaves out: drafts are not the explorer's graph. */

/**
 * Keys that cypher/drafts/ writes and no loader query does; keep in step with createDraft's props
 * (tests/integration/api-sources-extract.test.ts checks that /api/schema shows no key only drafts have).
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
];
