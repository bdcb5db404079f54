/** Drafts of sources, stored in Neo4j (the app keeps no state of its own): create with the extractor's proposals, read, list a page at a time, delete. */

import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { DraftListResponse, DraftResponse, DraftSummary, Span } from "../../common/api-types.js";
import type { Extraction } from "../../common/contract/extraction.js";
import { NotFoundDomainError } from "../domain/errors.js";
import { ExtractionError, LiaisonError, SourceError } from "../lib/errors.js";
import { instant } from "../lib/instant.js";
import { int, jsonMap } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { paragraphSpans, sentenceSpans } from "../sources/normalise.js";
import type { SourceDocument, SourceMetadata } from "../sources/types.js";

/**
 * Proposes actors, dates, quantities… for a text (server/extract/; main.ts gives graphExtractor).
 * Its result is stored as it is returned.
 */
export type Extractor = (doc: { text: string; publishedAt?: string }, signal?: AbortSignal) => Promise<Extraction>;

/** Who wrote: the local user of a loopback server, or the holder of the editor token. */
export type Editor = "local" | "editor-token";

/** Sources of the graph with the same text: `{id, title}` maps. */
const knownSources = z.array(jsonMap());

const create = defineQuery<{ props: Record<string, unknown> }>("drafts/create", "WRITE").rows({
  id: z.string(),
  createdAt: z.string(),
  knownSources,
});
const byId = defineQuery<{ id: string }>("drafts/by-id", "READ").rows({ draft: jsonMap(), knownSources });
const list = defineQuery<{ offset: number; limit: number }>("drafts/list", "READ").rows({
  total: int(),
  drafts: z.array(jsonMap()),
});
const remove = defineQuery<{ id: string }>("drafts/delete", "WRITE").rows({ deleted: int() });
const updateMetadata = defineQuery<{ id: string; props: Record<string, string | null> }>(
  "drafts/update-metadata",
  "WRITE",
).rows({ id: z.string() });

const starts = (spans: readonly Span[]) => spans.map((span) => span.start);
const ends = (spans: readonly Span[]) => spans.map((span) => span.end);
const zip = (from: unknown, to: unknown): Span[] => {
  const a = (Array.isArray(from) ? from : []).map(Number);
  const b = (Array.isArray(to) ? to : []).map(Number);
  return a.map((start, index) => ({ start, end: b[index] ?? start }));
};
const text = (value: unknown) => (typeof value === "string" ? value : null);

/** Metadata given with the request wins over what the document says about itself. */
function merged(document: SourceDocument, overrides: SourceMetadata): SourceMetadata {
  const pick = (key: keyof SourceMetadata) => overrides[key] ?? document[key];
  return {
    title: pick("title"),
    author: pick("author"),
    publisher: pick("publisher"),
    publishedAt: pick("publishedAt"),
    url: pick("url"),
  };
}

/**
 * Runs the extractor on a text no larger than `maxBytes` (its cost grows with the text: about 40 ms
 * a kilobyte, on the event loop). A failure that is not already one of Liaison's (Neo4j unavailable,
 * a query timeout) becomes EXTRACTION_FAILED with the extractor's message.
 */
async function extractFrom(
  extractor: Extractor,
  doc: { text: string; publishedAt?: string },
  maxBytes: number,
  signal: AbortSignal | undefined,
): Promise<Extraction> {
  const bytes = Buffer.byteLength(doc.text, "utf8");
  if (bytes > maxBytes) {
    throw new SourceError(
      413,
      "SOURCE_TOO_LARGE",
      `The text has ${bytes} bytes; proposals are extracted from at most ${maxBytes} (LIAISON_EXTRACT_MAX_BYTES). Split it into parts.`,
      { input: "text", bytes, maxBytes },
    );
  }
  try {
    return await extractor(doc, signal);
  } catch (error) {
    if (error instanceof LiaisonError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExtractionError(`Extracting proposals from the text failed: ${reason}. No draft was stored.`, error);
  }
}

/** A stored draft's properties as the API answers them. */
function toDraft(props: Record<string, unknown>, known: readonly Record<string, unknown>[]): DraftResponse {
  const extraction = text(props.extractionJson);
  return {
    id: String(props.id),
    format: props.format as DraftResponse["format"],
    text: String(props.text ?? ""),
    contentSha256: String(props.contentSha256 ?? ""),
    title: text(props.title),
    author: text(props.author),
    publisher: text(props.publisher),
    publishedAt: text(props.publishedAt),
    url: text(props.url),
    paragraphs: zip(props.paragraphStarts, props.paragraphEnds),
    sentences: zip(props.sentenceStarts, props.sentenceEnds),
    createdBy: String(props.createdBy ?? ""),
    createdAt: instant(props.createdAt),
    knownSources: known.map((source) => ({
      id: String(source.id),
      title: text(source.title),
    })),
    extraction: extraction === null ? null : JSON.parse(extraction),
  };
}

/**
 * Stores `document` as a new draft, with the extractor's proposals when there is an extractor.
 * @example await createDraft(runner, { document, overrides: {}, editor: "local", extractor, maxExtractBytes: 100_000 })
 */
export async function createDraft(
  runner: QueryRunner,
  input: {
    document: SourceDocument;
    overrides: SourceMetadata;
    editor: Editor;
    extractor?: Extractor | undefined;
    /** Bytes of text the extractor may read (LIAISON_EXTRACT_MAX_BYTES). */
    maxExtractBytes: number;
  },
  signal?: AbortSignal,
): Promise<DraftResponse> {
  const { document } = input;
  const metadata = merged(document, input.overrides);
  const paragraphs = paragraphSpans(document.text);
  const sentences = sentenceSpans(document.text, paragraphs);
  const extraction = input.extractor
    ? await extractFrom(
        input.extractor,
        { text: document.text, ...(metadata.publishedAt ? { publishedAt: metadata.publishedAt } : {}) },
        input.maxExtractBytes,
        signal,
      )
    : null;
  const props = {
    id: `draft:${randomUUID()}`,
    format: document.format,
    text: document.text,
    contentSha256: document.contentSha256,
    ...metadata,
    paragraphStarts: starts(paragraphs),
    paragraphEnds: ends(paragraphs),
    sentenceStarts: starts(sentences),
    sentenceEnds: ends(sentences),
    createdBy: input.editor,
    extractionJson: extraction === null ? null : JSON.stringify(extraction),
    proposalCount: extraction === null ? null : extraction.proposals.length,
  };
  const { rows } = await runner.run(create, { props }, { signal });
  const row = rows[0];
  return toDraft({ ...props, createdAt: row?.createdAt }, row?.knownSources ?? []);
}

/** One draft, or NotFoundDomainError naming the id. */
export async function getDraft(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<DraftResponse> {
  const { rows } = await runner.run(byId, { id }, { signal });
  const row = rows[0];
  if (!row) throw new NotFoundDomainError("getDraft", "draft", id);
  return toDraft(row.draft, row.knownSources);
}

/** A page of drafts, newest first, without their text. */
export async function listDrafts(
  runner: QueryRunner,
  page: { offset: number; limit: number },
  signal?: AbortSignal,
): Promise<DraftListResponse> {
  const { rows } = await runner.run(list, page, { signal });
  const total = rows[0]?.total ?? 0;
  const drafts = (rows[0]?.drafts ?? []).map(
    (row): DraftSummary => ({
      id: String(row.id),
      title: text(row.title),
      format: row.format as DraftSummary["format"],
      url: text(row.url),
      publishedAt: text(row.publishedAt),
      createdBy: String(row.createdBy ?? ""),
      createdAt: instant(row.createdAt),
      characters: Number(row.characters ?? 0),
      proposalCount: row.proposalCount === null || row.proposalCount === undefined ? null : Number(row.proposalCount),
      contentSha256: String(row.contentSha256 ?? ""),
      knownSource: row.knownSource === true,
    }),
  );
  const next = page.offset + drafts.length;
  return { drafts, total, nextOffset: next < total && drafts.length > 0 ? next : null };
}

/** Deletes a draft; NotFoundDomainError when there is none with that id. */
export async function deleteDraft(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<void> {
  const { rows } = await runner.run(remove, { id }, { signal });
  if ((rows[0]?.deleted ?? 0) === 0) throw new NotFoundDomainError("deleteDraft", "draft", id);
}

/** Metadata edits: a string sets a field, null clears it, an absent key leaves it. */
export type MetadataEdit = { [K in keyof SourceMetadata]?: string | null };

/**
 * Edits a draft's metadata and answers the draft; NotFoundDomainError when there is none with that id.
 * @example await updateDraftMetadata(runner, id, { title: "Talks in Minsk", author: null })
 */
export async function updateDraftMetadata(
  runner: QueryRunner,
  id: string,
  edit: MetadataEdit,
  signal?: AbortSignal,
): Promise<DraftResponse> {
  const props = Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined)) as Record<
    string,
    string | null
  >;
  const { rows } = await runner.run(updateMetadata, { id, props }, { signal });
  if (rows.length === 0) throw new NotFoundDomainError("updateDraftMetadata", "draft", id);
  return getDraft(runner, id, signal);
}
