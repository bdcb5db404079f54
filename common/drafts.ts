/** The shapes of the source-draft endpoints' responses (zod: they type the server and document the API's 200 responses). */
import { z } from "zod";

export const spanSchema = z.object({ start: z.int().min(0), end: z.int().min(0) });

export const knownSourceSchema = z.object({ id: z.string(), title: z.string().nullable() });

export const draftSchema = z.object({
  id: z.string().describe('"draft:<uuid>"'),
  format: z.enum(["text", "html", "pdf"]).describe("What the text was read from"),
  text: z.string().describe("The normalised text; every offset below indexes into it (JavaScript string indices)"),
  contentSha256: z.string().describe("sha256 of the normalised text; equal hashes mean the same text"),
  title: z.string().nullable(),
  author: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable().describe("ISO 8601, as precise as the document says"),
  url: z.string().nullable(),
  paragraphs: z.array(spanSchema),
  sentences: z.array(spanSchema),
  createdBy: z.string().describe('Who created it: "local" (the local user on a loopback server) or "editor-token"'),
  createdAt: z.string().describe("ISO 8601 date and time"),
  knownSources: z
    .array(knownSourceSchema)
    .describe("Sources already in the graph whose normalised text is the same: this text is already there"),
  extraction: z
    .unknown()
    .nullable()
    .describe("What the extractor proposed, as it returned it; null when the server has no extractor (no proposals)"),
});

export const draftSummarySchema = z.object({
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

export const draftListSchema = z.object({
  drafts: z.array(draftSummarySchema),
  total: z.int(),
  nextOffset: z.int().nullable().describe("`offset` of the next page; null on the last"),
});

export const draftDeletedSchema = z.object({ id: z.string(), deleted: z.literal(true) });

export type Span = z.infer<typeof spanSchema>;
export type DraftResponse = z.infer<typeof draftSchema>;
export type DraftSummary = z.infer<typeof draftSummarySchema>;
export type DraftListResponse = z.infer<typeof draftListSchema>;
export type DraftDeletedResponse = z.infer<typeof draftDeletedSchema>;
