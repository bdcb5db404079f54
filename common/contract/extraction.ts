/** What an extraction proposes (server/extract/): spans, proposals of each kind; part of the contract as a draft's `extraction`. */
import { z } from "zod";
import { named } from "./registry.js";

/** A stretch of the document: `text.slice(start, end)`, JavaScript string offsets. */
export const Span = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type Span = z.infer<typeof Span>;

/** Another node a proposal could be, with how likely. */
export const Alternative = z.object({ entity: z.string(), name: z.string(), score: z.number().min(0).max(1) });
export type Alternative = z.infer<typeof Alternative>;

/** What every proposal carries: where it is, how sure, why, and what it resolves to. */
const base = {
  /** Stable within one extraction ("p12"), so meetings and statements can refer to other proposals. */
  id: z.string(),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  score: z.number().min(0).max(1),
  reason: z.string(),
  /** The existing node this resolves to, or null for something new. */
  entity: z.string().nullable(),
  alternatives: z.array(Alternative),
};

export const ActorType = z.enum(["person", "state", "organisation", "group"]);
export type ActorType = z.infer<typeof ActorType>;

const ActorProposal = z.object({
  ...base,
  kind: z.literal("actor"),
  type: ActorType,
  /** A title written before the name ("Foreign Minister" in "Chinese Foreign Minister Wang Yi"). */
  title: z.string().optional(),
});
const ForumProposal = z.object({ ...base, kind: z.literal("forum") });
const PlaceProposal = z.object({ ...base, kind: z.literal("place") });

export const DatePrecision = z.enum(["day", "month", "year", "decade", "range"]);
export type DatePrecision = z.infer<typeof DatePrecision>;
export const DateQualifier = z.enum(["about", "early", "mid", "late", "before", "after", "since", "by"]);
export type DateQualifier = z.infer<typeof DateQualifier>;

const DateProposal = z.object({
  ...base,
  kind: z.literal("date"),
  /** A partial date as the dataset writes it ("2025-05-09", "2025-05", "2024", "1960s"), or "from/to" for a range. */
  value: z.string(),
  precision: DatePrecision,
  qualifier: DateQualifier.optional(),
  /** A range's ends (partial dates; either may be absent for an open range). */
  from: z.string().optional(),
  to: z.string().optional(),
});

export const QuantityProposal = z.object({
  ...base,
  kind: z.literal("quantity"),
  value: z.number(),
  /** "USD", "EUR", "percent", or the counted noun ("troops", "meetings"). */
  unit: z.string(),
  measure: z.enum(["money", "percent", "count"]),
  /** "billion" in "$245 billion" (value holds the full number). */
  scale: z.string().optional(),
  qualifier: z.enum(["about", "nearly", "over", "at-least", "at-most", "exceeds"]).optional(),
  outOf: z.number().optional(),
  change: z
    .object({
      value: z.number().optional(),
      unit: z.string(),
      direction: z.enum(["increase", "decrease"]),
      base: z.string().optional(),
      baseValue: z.number().optional(),
    })
    .optional(),
});

const StatementProposal = z.object({
  ...base,
  kind: z.literal("statement"),
  /** The words quoted, without the quotation marks. */
  quote: z.string(),
  /** The proposal id of the speaker (an actor proposal), or null when none was found. */
  speaker: z.string().nullable(),
  speakerText: z.string().nullable(),
});

export const MeetingProposal = z.object({
  ...base,
  kind: z.literal("meeting"),
  eventKind: z.enum(["meeting", "meeting-series", "call", "state-visit", "summit"]),
  /** Proposal ids of the participants (actor proposals). */
  participants: z.array(z.string()),
  date: z.string().nullable(),
  forum: z.string().nullable(),
  place: z.string().nullable(),
});

export const Proposal = z.discriminatedUnion("kind", [
  ActorProposal,
  ForumProposal,
  PlaceProposal,
  DateProposal,
  QuantityProposal,
  StatementProposal,
  MeetingProposal,
]);
export type Proposal = z.infer<typeof Proposal>;
export type QuantityProposal = z.infer<typeof QuantityProposal>;
export type MeetingProposal = z.infer<typeof MeetingProposal>;

export const Extraction = named(
  "Extraction",
  z.object({
    paragraphs: z.array(Span),
    sentences: z.array(Span),
    proposals: z.array(Proposal),
  }),
  "What the extractor proposed for a text: its paragraphs and sentences, and proposals (actors, forums, places, dates, quantities, statements, meetings) with offsets into it and the graph node each resolves to (`entity`, null for something new).",
);
export type Extraction = z.infer<typeof Extraction>;
