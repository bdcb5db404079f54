/** What a source becomes once brought in: normalised text, what the document says about itself, and its hash. */

/** Metadata read from the document where it states it; every field may be edited later. */
export interface SourceMetadata {
  title?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  /** ISO 8601: a date (`2024-11-18`) or a date and time, as precise as the document says. */
  publishedAt?: string | undefined;
  url?: string | undefined;
}

export type SourceFormat = "text" | "html" | "pdf";

export interface SourceDocument extends SourceMetadata {
  /** The normalised text (server/sources/normalise.ts) every offset refers to. */
  text: string;
  contentSha256: string;
  /** What the text was read from. */
  format: SourceFormat;
}
