/** The dataset format: one zod schema per file of a dataset folder, the single definition of what a dataset may hold. */
import { z } from "zod";

/**
 * Control characters no text of a dataset may hold (the YAML files' strings and the source
 * texts): the bulk importer's CSV uses them as markers (list delimiter, empty list, line breaks;
 * server/dataset/bulk-csv.ts), so a text holding one would come back changed. Text from
 * documents never has them (sources are normalised without control characters).
 */
// From a string, not a regex literal: lint flags control characters in a literal as a likely slip.
const RESERVED_RANGE = "\u001c-\u001f";
export const RESERVED_CHARACTERS = new RegExp(`[${RESERVED_RANGE}]`);
/** Any text a dataset holds: a string without RESERVED_CHARACTERS. */
const FreeText = z
  .string()
  .regex(
    new RegExp(`^[^${RESERVED_RANGE}]*$`),
    "must not hold the control characters U+001C to U+001F (the bulk import uses them as markers)",
  );

/** Ids are `<prefix>:<kebab-case-slug>`, stable and human-readable, e.g. `actor:sergey-lavrov`. */
const slug = "[a-z0-9]+(?:-[a-z0-9]+)*";
const idOf = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}:${slug}$`), `must look like "${prefix}:some-kebab-case-name"`);

const ActorId = idOf("actor");
const ForumId = idOf("forum");
const EventId = idOf("event");
const ClaimId = idOf("claim");
const SourceId = idOf("source");
/** Anything a claim can be about. */
const SubjectId = z.union([ActorId, ForumId, EventId, ClaimId]);

/**
 * A partial calendar date as the text gives it: `2025-05-09` (day), `2025-05` (month),
 * `2025` (year) or `1960s` (decade). Never more precise than the source.
 */
const PartialDate = z
  .string()
  .regex(
    /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{3}0s)$/,
    'must be "YYYY-MM-DD", "YYYY-MM", "YYYY" or a decade like "1960s"',
  );

/**
 * When something happened or held. `on` for a single (partial) date; `from`/`to` for a range
 * (either end may be open). `qualifier` keeps the text's hedge ("late", "early", "about",
 * "before", "after"); `note` says why a date is uncertain or how it was read.
 */
export const DateSpec = z
  .strictObject({
    on: PartialDate.optional(),
    from: PartialDate.optional(),
    to: PartialDate.optional(),
    qualifier: z.enum(["about", "early", "mid", "late", "before", "after", "since", "by"]).optional(),
    note: FreeText.min(1).optional(),
  })
  .refine((d) => (d.on === undefined) !== (d.from === undefined && d.to === undefined), {
    message: 'give either "on" or "from"/"to", not both and not neither',
  });

/**
 * A quotation of the source, in the manner of the W3C TextQuoteSelector: `exact` must occur
 * verbatim in the source text; when it occurs more than once, `prefix` and/or `suffix` (text
 * immediately before/after it) must make it unique. Offsets are computed by the loader.
 */
export const Evidence = z.strictObject({
  source: SourceId,
  exact: FreeText.min(3),
  prefix: FreeText.min(1).optional(),
  suffix: FreeText.min(1).optional(),
});
const EvidenceList = z.array(Evidence).min(1);

/** How sure the data is of a fact; anything but "stated" needs a note saying why. */
const Certainty = z.enum(["stated", "implied", "uncertain", "contested"]);

const ActorKind = z.enum(["person", "state", "organisation", "agency", "company", "military", "group", "region"]);

const Role = z.strictObject({
  title: FreeText.min(1),
  /** The state or organisation the role is held in or for, when the text names it. */
  of: ActorId.optional(),
  date: DateSpec.optional(),
  /** e.g. "then" for "then Chinese Ambassador to the U.S." */
  qualifier: FreeText.min(1).optional(),
  certainty: Certainty.default("stated"),
  note: FreeText.min(1).optional(),
  evidence: EvidenceList,
});

const Membership = z.strictObject({
  forum: ForumId,
  certainty: Certainty.default("stated"),
  note: FreeText.min(1).optional(),
  evidence: EvidenceList,
});

export const Actor = z.strictObject({
  id: ActorId,
  name: FreeText.min(1),
  kind: ActorKind,
  aliases: z.array(FreeText.min(1)).default([]),
  description: FreeText.min(1).optional(),
  roles: z.array(Role).default([]),
  memberOf: z.array(Membership).default([]),
  /** Where the source mentions the actor; optional for actors, required for events and claims. */
  evidence: z.array(Evidence).default([]),
});

export const Forum = z.strictObject({
  id: ForumId,
  name: FreeText.min(1),
  kind: z.enum(["summit", "organisation", "un-body", "conference", "bloc"]),
  aliases: z.array(FreeText.min(1)).default([]),
  description: FreeText.min(1).optional(),
  /** A forum inside another, e.g. the Security Council inside the UN. */
  partOf: ForumId.optional(),
  evidence: z.array(Evidence).default([]),
});

const EventKind = z.enum([
  "meeting",
  "meeting-series",
  "call",
  "state-visit",
  "summit",
  "parade",
  "exercise",
  "exercise-series",
  "patrol",
  "vote",
  "vote-series",
  "declaration",
  "statement",
  "war",
  "invasion",
  "sanctions",
  "construction",
  "invitation",
  "trade",
  "other",
]);

const Participation = z.strictObject({
  actor: ActorId,
  /** e.g. host, guest, invitee, speaker, voter, participant */
  role: FreeText.min(1).default("participant"),
  certainty: Certainty.default("stated"),
  note: FreeText.min(1).optional(),
});

export const Event = z.strictObject({
  id: EventId,
  name: FreeText.min(1),
  kind: EventKind,
  date: DateSpec.optional(),
  /** A place the text names (a city, a sea, a river), free text. */
  place: FreeText.min(1).optional(),
  forums: z.array(ForumId).default([]),
  participants: z.array(Participation).default([]),
  /** A series or larger event this one belongs to (e.g. one meeting of a series, a war). */
  partOf: EventId.optional(),
  description: FreeText.min(1).optional(),
  certainty: Certainty.default("stated"),
  note: FreeText.min(1).optional(),
  evidence: EvidenceList,
});

const Quantity = z.strictObject({
  /** What is measured, e.g. "bilateral trade", "joint military drills". */
  measure: FreeText.min(1),
  value: z.number(),
  /** e.g. "USD", "percent", "drills", "meetings", "troops", "ships". */
  unit: FreeText.min(1),
  /** When the value is a bound or an approximation: "about", "over", "nearly", "at least", "exceeds". */
  qualifier: z.enum(["exact", "about", "nearly", "over", "at-least", "at-most", "exceeds"]).default("exact"),
  /** The period the value covers. */
  period: DateSpec.optional(),
  /** Out of how many, for "8 out of 13". */
  outOf: z.number().optional(),
  /**
   * A change against a base: "a 66% increase from 2021" (value 66, unit percent, base "2021"), or
   * "up from 2% before the war" (no value; baseValue 2, unit percent, base "before the war").
   */
  change: z
    .strictObject({
      value: z.number().optional(),
      unit: FreeText.min(1),
      direction: z.enum(["increase", "decrease"]),
      /** What the change is measured against, as the text says it (a year, "before the war"). */
      base: FreeText.min(1),
      /** The value at the base, when the text gives it. */
      baseValue: z.number().optional(),
    })
    .optional(),
});

/**
 * quantity: a number the source gives; aggregate: a count or frequency of events; statement: a
 * quoted or reported statement of a speaker; assessment: the author's judgement; report: what the
 * source attributes to unnamed reports; fact: a plain fact the author states.
 */
const ClaimKind = z.enum(["quantity", "aggregate", "statement", "assessment", "report", "fact"]);

export const Claim = z.strictObject({
  id: ClaimId,
  kind: ClaimKind,
  /** The assertion in one sentence, as close to the source's words as reads well. */
  text: FreeText.min(1),
  quantity: Quantity.optional(),
  /** The speakers of a quoted or reported statement (both, for a joint one); the source's author is implied otherwise. */
  statedBy: z.array(ActorId).default([]),
  /** When the statement was made, if the text says. */
  date: DateSpec.optional(),
  about: z.array(SubjectId).min(1),
  certainty: Certainty.default("stated"),
  note: FreeText.min(1).optional(),
  contradicts: z.array(z.strictObject({ claim: ClaimId, note: FreeText.min(1) })).default([]),
  evidence: EvidenceList,
});

export const SourceDocument = z.strictObject({
  id: SourceId,
  /** Path of the text file, relative to the dataset folder. */
  file: FreeText.min(1),
  title: FreeText.min(1),
  author: ActorId.nullable(),
  /** The author's affiliation as the source states it. */
  authorAffiliation: FreeText.min(1).nullable(),
  publisher: FreeText.min(1).nullable(),
  url: FreeText.url().nullable(),
  /** The publication date, or the bounds the text implies, or null. */
  published: DateSpec.nullable(),
  language: FreeText.min(2).default("en"),
  /** Lines of page furniture (player prompts, comment forms) that no evidence may quote. */
  furniture: z.array(FreeText.min(1)).default([]),
});

const DatasetId = z.string().regex(new RegExp(`^${slug}$`), 'must look like "some-kebab-case-name"');

export const Manifest = z.strictObject({
  /** e.g. `moscow-beijing-2025` */
  id: DatasetId,
  title: FreeText.min(1),
  description: FreeText.min(1),
  version: z.number().int().positive(),
  /**
   * The datasets this one builds on (their manifest ids): its records may refer to their actors,
   * forums, events and claims without defining them; the loader checks those ids in the graph.
   */
  requires: z.array(DatasetId).default([]),
  sources: z.array(SourceDocument).min(1),
});

/**
 * More evidence for a record defined elsewhere (in this dataset or a required one): a quotation of
 * this dataset's source, e.g. a second report of a meeting another dataset already holds.
 */
export const ExtraEvidence = z.strictObject({
  of: SubjectId,
  source: SourceId,
  exact: FreeText.min(3),
  prefix: FreeText.min(1).optional(),
  suffix: FreeText.min(1).optional(),
  /** Why this passage is evidence of that record (e.g. "the same meeting, reported by …"). */
  note: FreeText.min(1).optional(),
});

/** The files of a dataset folder and the schema each must satisfy (a list under a top-level key). */
export const DatasetFiles = {
  "manifest.yaml": Manifest,
  "actors.yaml": z.strictObject({ actors: z.array(Actor) }),
  "forums.yaml": z.strictObject({ forums: z.array(Forum) }),
  "events.yaml": z.strictObject({ events: z.array(Event) }),
  "claims.yaml": z.strictObject({ claims: z.array(Claim) }),
  "evidence.yaml": z.strictObject({ evidence: z.array(ExtraEvidence) }),
} as const;

/** Files of a dataset folder that may be absent (an absent list is an empty one). */
export const OPTIONAL_FILES: ReadonlySet<string> = new Set(["evidence.yaml"]);

export type Manifest = z.infer<typeof Manifest>;
export type Actor = z.infer<typeof Actor>;
export type Forum = z.infer<typeof Forum>;
export type Event = z.infer<typeof Event>;
export type Claim = z.infer<typeof Claim>;
export type Evidence = z.infer<typeof Evidence>;
export type ExtraEvidence = z.infer<typeof ExtraEvidence>;
export type DateSpec = z.infer<typeof DateSpec>;
export type SourceDocument = z.infer<typeof SourceDocument>;
