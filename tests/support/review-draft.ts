/** A hand-made reviewed draft for the compiler's tests: a short report of a Wang Yi–Lavrov meeting, its proposals and decisions. */
import type { DraftResponse } from "../../common/api-types.js";
import type { Proposal } from "../../common/contract/extraction.js";
import type { Decision, Selection } from "../../common/contract/review.js";
import type { CompileInput, ExistingNode } from "../../server/review/compile.js";

export const TEXT = [
  "Lavrov and Wang Hold Talks in Minsk",
  "",
  "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Minsk on 12 March 2025, on the sidelines of the Minsk Security Conference.",
  "",
  "Bilateral trade reached $245 billion in 2024, Lavrov said.",
  "",
  "“We will never accept unilateral sanctions,” Wang Yi said.",
  "",
  "Belarusian Foreign Minister Maxim Ryzhenkov hosted a dinner for both delegations. Ryzhenkov called the talks useful.",
  "",
  "Analysts from the Carnegie Endowment were not invited.",
  "",
].join("\n");

/** The span of the `nth` occurrence (1-based) of `part` in the text. */
export function at(part: string, nth = 1): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i < nth; i++) start = TEXT.indexOf(part, start + 1);
  if (start === -1) throw new Error(`at: "${part}" (${nth}) is not in the text`);
  return { start, end: start + part.length };
}

/** Sentences: each non-empty line, the dinner line split after its first full stop. */
function sentences() {
  const out: { start: number; end: number }[] = [];
  let offset = 0;
  for (const line of TEXT.split("\n")) {
    if (line) {
      const stop = line.indexOf(". ");
      if (stop !== -1 && line.startsWith("Belarusian")) {
        out.push({ start: offset, end: offset + stop + 1 }, { start: offset + stop + 2, end: offset + line.length });
      } else out.push({ start: offset, end: offset + line.length });
    }
    offset += line.length + 1;
  }
  return out;
}

const base = (id: string, text: string, nth = 1, entity: string | null = null) => ({
  id,
  text,
  ...at(text, nth),
  score: 0.9,
  reason: "test",
  entity,
  alternatives: [],
});

const PROPOSALS: Proposal[] = [
  { ...base("p1", "Wang Yi", 1, "actor:wang-yi"), kind: "actor", type: "person", title: "Foreign Minister" },
  { ...base("p2", "Sergey Lavrov", 1, "actor:sergey-lavrov"), kind: "actor", type: "person" },
  { ...base("p3", "Minsk", 2), kind: "place" },
  { ...base("p4", "12 March 2025"), kind: "date", value: "2025-03-12", precision: "day" },
  { ...base("p5", "Minsk Security Conference"), kind: "forum" },
  {
    ...base("p6", "Wang Yi met Russian Foreign Minister Sergey Lavrov"),
    kind: "meeting",
    eventKind: "meeting",
    participants: ["p1", "p2"],
    date: "p4",
    forum: "p5",
    place: "p3",
  },
  { ...base("p7", "$245 billion"), kind: "quantity", value: 245e9, unit: "USD", measure: "money", scale: "billion" },
  { ...base("p8", "Lavrov", 3, "actor:sergey-lavrov"), kind: "actor", type: "person" },
  {
    ...base("p9", "“We will never accept unilateral sanctions,” Wang Yi said"),
    kind: "statement",
    quote: "We will never accept unilateral sanctions,",
    speaker: "p10",
    speakerText: "Wang Yi",
  },
  { ...base("p10", "Wang Yi", 2, "actor:wang-yi"), kind: "actor", type: "person" },
  { ...base("p11", "Maxim Ryzhenkov"), kind: "actor", type: "person" },
  { ...base("p12", "Ryzhenkov", 2), kind: "actor", type: "person" },
  { ...base("p13", "Carnegie Endowment"), kind: "actor", type: "organisation" },
];

export const DRAFT: DraftResponse = {
  id: "draft:0b6d7c1e-1111-4222-8333-944455556666",
  format: "text",
  text: TEXT,
  contentSha256: "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12",
  title: "Lavrov and Wang Hold Talks in Minsk",
  author: "Jo Reporter",
  publisher: "Test Wire",
  publishedAt: "2025-03-13T08:00:00Z",
  url: "https://example.org/minsk-talks",
  paragraphs: [],
  sentences: sentences(),
  createdBy: "local",
  createdAt: "2025-03-13T09:00:00Z",
  knownSources: [],
  extraction: { paragraphs: [], sentences: sentences(), proposals: PROPOSALS },
};

let n = 0;
/** A current decision on a proposal or selection. */
export function decide(
  proposal: string,
  action: Decision["action"],
  entity: string | null = null,
  edit: Decision["edit"] = null,
): Decision {
  n++;
  return {
    id: `decision:${n}`,
    draftId: DRAFT.id,
    proposal,
    action,
    entity,
    merge: null,
    edit,
    note: null,
    by: "local",
    at: "2025-03-13T10:00:00Z",
    undone: null,
  };
}

export const SELECTION: Selection = {
  id: "s:7f1c",
  draftId: DRAFT.id,
  kind: "claim",
  ...at("Ryzhenkov called the talks useful."),
  text: "Ryzhenkov called the talks useful.",
  fields: { claimKind: "statement", statedBy: ["new:p12"], about: ["actor:wang-yi", "actor:sergey-lavrov"] },
  by: "local",
  at: "2025-03-13T10:00:00Z",
};

/** Everything reviewed: the meeting new, the ministers linked, Carnegie rejected, the place unreviewed. */
export function reviewed(): Decision[] {
  return [
    decide("p1", "accept", "actor:wang-yi"),
    decide("p2", "accept", "actor:sergey-lavrov"),
    decide("p4", "accept"),
    decide("p5", "accept", null),
    decide("p6", "accept", null),
    decide("p7", "accept", null),
    decide("p8", "accept", "actor:sergey-lavrov"),
    decide("p9", "accept", null),
    decide("p10", "accept", "actor:wang-yi"),
    decide("p11", "accept", null),
    decide("p12", "accept", null, { name: "Maxim Ryzhenkov" }),
    decide("p13", "reject", null),
    decide(SELECTION.id, "accept", null),
  ];
}

const seedNode = (id: string, label: ExistingNode["label"], name: string): [string, ExistingNode] => [
  id,
  { id, label, name, datasets: ["moscow-beijing-2025"] },
];

/** The seed's nodes the review names, as the review endpoints look them up. */
export const SEED_NODES = new Map<string, ExistingNode>([
  seedNode("actor:wang-yi", "Actor", "Wang Yi"),
  seedNode("actor:sergey-lavrov", "Actor", "Sergey Lavrov"),
  seedNode("event:wang-yi-lavrov-meetings", "Event", "Wang Yi–Lavrov meetings and communications"),
]);

export const input = (decisions: Decision[], selections: Selection[] = [SELECTION]): CompileInput => ({
  draft: DRAFT,
  selections,
  decisions,
  existing: SEED_NODES,
});
