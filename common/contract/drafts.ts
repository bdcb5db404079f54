/** The responses of the source-draft endpoints (/api/sources/drafts), named in the contract like every other response. */
import { z } from "zod";
import { Extraction, Span } from "./extraction.js";
import { named } from "./registry.js";

export { Span };

const KnownSource = z.object({ id: z.string(), title: z.string().nullable() });

/** POST /api/sources/drafts, GET and PATCH /api/sources/drafts/:id */
export const DraftResponse = named(
  "DraftResponse",
  z.object({
    id: z.string().describe('"draft:<uuid>"'),
    format: z.enum(["text", "html", "pdf"]).describe("What the text was read from"),
    text: z.string().describe("The normalised text; every offset below indexes into it (JavaScript string indices)"),
    contentSha256: z.string().describe("sha256 of the normalised text; equal hashes mean the same text"),
    title: z.string().nullable(),
    author: z.string().nullable(),
    publisher: z.string().nullable(),
    publishedAt: z.string().nullable().describe("ISO 8601, as precise as the document says"),
    url: z.string().nullable(),
    paragraphs: z.array(Span),
    sentences: z.array(Span),
    createdBy: z.string().describe('Who created it: "local" (the local user on a loopback server) or "editor-token"'),
    createdAt: z.string().describe("ISO 8601 date and time"),
    knownSources: z
      .array(KnownSource)
      .describe("Sources already in the graph whose normalised text is the same: this text is already there"),
    extraction: Extraction.nullable().describe(
      "What the extractor proposed (server/extract: paragraphs, sentences, proposals with offsets into `text`); null when the server has no extractor",
    ),
  }),
  "A draft of a source: its normalised text, metadata, offsets and the extractor's proposals.",
);

export const DraftSummary = z.object({
  id: z.string(),
  title: z.string().nullable(),
  format: z.enum(["text", "html", "pdf"]),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  characters: z.int(),
  proposalCount: z.int().nullable().describe("Proposals the extractor made; null when there was no extractor"),
  contentSha256: z.string(),
  knownSource: z.boolean().describe("Whether a source with the same text is already in the graph"),
});

/** GET /api/sources/drafts */
export const DraftListResponse = named(
  "DraftListResponse",
  z.object({
    drafts: z.array(DraftSummary),
    total: z.int(),
    nextOffset: z.int().nullable().describe("`offset` of the next page; null on the last"),
  }),
);

/** DELETE /api/sources/drafts/:id */
export const DraftDeletedResponse = named(
  "DraftDeletedResponse",
  z.object({ id: z.string(), deleted: z.literal(true) }),
);
