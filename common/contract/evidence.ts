/** Evidence as the API sends it: a passage with its bounded paragraph context and its source, and highlighted text. */
import { z } from "zod";
import { DateValue } from "./dates.js";
import { named } from "./registry.js";

/**
 * Plain text with ranges to highlight (UTF-16 offsets into `text`, in order, not overlapping).
 * Nothing is escaped: the client's template escapes it once.
 */
export const Highlighted = named(
  "Highlighted",
  z.object({
    text: z.string(),
    highlights: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })),
  }),
  "Plain text (not HTML) with the ranges to highlight, as UTF-16 offsets into it.",
);

const EvidencePassage = z.object({
  id: z.string(),
  /** The quoted span, exactly as the source has it. */
  exact: z.string(),
  prefix: z.string().nullable(),
  suffix: z.string().nullable(),
  /** Offsets of `exact` in the source's full text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /**
   * The paragraph around the passage, cut to a few sentences on each side ("…" marks a cut), with
   * the passage highlighted: never the whole source text.
   */
  context: Highlighted,
});

const EvidenceSource = z.object({
  id: z.string(),
  title: z.string(),
  /** The author's name. */
  author: z.string().nullable(),
  /** The author's Actor node, when the graph has one. */
  authorId: z.string().nullable(),
  authorAffiliation: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  published: DateValue.nullable(),
});

export const EvidenceItem = named(
  "EvidenceItem",
  z.object({ passage: EvidencePassage, source: EvidenceSource }),
  "A passage that evidences something, in its paragraph, with its source's metadata.",
);
