/**
 * The review of a draft (/api/sources/drafts/:id/…): people's decisions on the extractor's proposals,
 * their own selections, merge decisions, the preview of what a commit adds, and the commit itself.
 */
import { z } from "zod";
import { named } from "./registry.js";

/** What a reviewer may correct on a proposal (or give for a selection); absent fields keep the proposal's. */
export const ProposalEdit = z.strictObject({
  /** The passage: a corrected span of the draft's text (the evidence quoted is `text.slice(start, end)`). */
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  /** A new node's name (actor, forum, event). */
  name: z.string().trim().min(1).max(300).optional(),
  /** A new actor's kind. */
  actorKind: z.enum(["person", "state", "organisation", "agency", "company", "military", "group", "region"]).optional(),
  /** A new event's kind (the dataset format's event kinds). */
  eventKind: z.string().trim().min(1).max(40).optional(),
  /** A claim's kind (quantity, aggregate, statement, report, assessment, fact). */
  claimKind: z.enum(["quantity", "aggregate", "statement", "report", "assessment", "fact"]).optional(),
  /** A claim's assertion in one sentence. */
  claimText: z.string().trim().min(1).max(2000).optional(),
  /** A partial date as the dataset writes it ("2025-05-09", "2025-05", "2024", "1960s") or "from/to". */
  date: z.string().trim().min(1).max(40).nullable().optional(),
  /** Node ids (existing, or `new:<proposal id>` for a node this draft creates). */
  participants: z.array(z.string().min(1).max(200)).max(50).optional(),
  about: z.array(z.string().min(1).max(200)).max(50).optional(),
  statedBy: z.array(z.string().min(1).max(200)).max(20).optional(),
  forum: z.string().min(1).max(200).nullable().optional(),
  place: z.string().trim().min(1).max(300).nullable().optional(),
});
export type ProposalEdit = z.infer<typeof ProposalEdit>;

/** One reviewer decision on one proposal (or selection). */
export const DecisionInput = z.strictObject({
  /** The proposal's id in the draft's extraction ("p12"), or a selection's id ("s:<uuid>"). */
  proposal: z.string().min(1).max(80),
  /**
   * accept: it enters the graph at commit; reject: it never does; unsure: recorded, and it does not
   * enter the graph (it counts as reviewed but not accepted).
   */
  action: z.enum(["accept", "reject", "unsure"]),
  /**
   * What it is: an existing node's id (link: "the same as"), null (a new node: "different from" the
   * proposed one), absent (as the extractor resolved it).
   */
  entity: z.string().min(1).max(200).nullable().optional(),
  edit: ProposalEdit.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type DecisionInput = z.infer<typeof DecisionInput>;

/** A merge decision: whether a mention is the same as an existing node, as a reviewer decided. */
export const MergeVerdict = z.object({
  candidate: z.string().describe("The existing node the mention was compared with"),
  verdict: z.enum(["same", "different", "unsure"]),
});

/** A stored decision: append-only; undoing one marks it undone and the proposal's previous decision applies again. */
export const Decision = named(
  "Decision",
  z.object({
    id: z.string().describe('"decision:<uuid>"'),
    draftId: z.string(),
    proposal: z.string(),
    action: z.enum(["accept", "reject", "unsure"]),
    entity: z.string().nullable().describe("The node it links to; null for a new node (or nothing, when rejected)"),
    merge: MergeVerdict.nullable().describe(
      "Set when the proposal had a candidate node (its entity or an alternative)",
    ),
    edit: ProposalEdit.nullable(),
    note: z.string().nullable(),
    by: z.string().describe('"local" or "editor-token"'),
    at: z.string().describe("ISO 8601 date and time"),
    undone: z.object({ by: z.string(), at: z.string() }).nullable(),
  }),
);
export type Decision = z.infer<typeof Decision>;

/** A stretch of the text a reviewer selected to make a claim or an event of it. */
export const SelectionInput = ProposalEdit.extend({
  kind: z.enum(["claim", "event"]),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type SelectionInput = z.infer<typeof SelectionInput>;

export const Selection = named(
  "Selection",
  z.object({
    id: z.string().describe('"s:<uuid>": decisions refer to it like to a proposal'),
    draftId: z.string(),
    kind: z.enum(["claim", "event"]),
    start: z.int(),
    end: z.int(),
    text: z.string().describe("text.slice(start, end) of the draft"),
    fields: ProposalEdit,
    by: z.string(),
    at: z.string(),
  }),
);
export type Selection = z.infer<typeof Selection>;

export const ReviewProgress = z.object({
  total: z.int().describe("Proposals plus selections"),
  reviewed: z.int().describe("With a decision that is not undone"),
  accepted: z.int(),
  rejected: z.int(),
  unsure: z.int(),
});
export type ReviewProgress = z.infer<typeof ReviewProgress>;

/** GET /api/sources/drafts/:id/review; POST …/decisions, …/selections and …/decisions/:decision/undo answer it too. */
export const ReviewResponse = named(
  "ReviewResponse",
  z.object({
    draftId: z.string(),
    selections: z.array(Selection),
    decisions: z.array(Decision).describe("The current decision of each proposal or selection that has one"),
    progress: ReviewProgress,
    committed: z
      .object({ datasetId: z.string(), at: z.string(), by: z.string() })
      .nullable()
      .describe("The last commit of this draft, if any"),
  }),
);
export type ReviewResponse = z.infer<typeof ReviewResponse>;

/** GET /api/sources/drafts/:id/decisions: every decision, undone ones included, newest first. */
export const DecisionHistoryResponse = named(
  "DecisionHistoryResponse",
  z.object({ decisions: z.array(Decision), total: z.int(), nextOffset: z.int().nullable() }),
);

const Added = z.object({
  id: z.string(),
  name: z.string(),
  proposal: z.string().describe("The proposal or selection it comes from"),
});
const Linked = z.object({
  proposal: z.string(),
  entity: z.string(),
  label: z.string().describe("Actor, Forum, Event or Claim"),
  name: z.string(),
});
export const DatasetProblem = z.object({
  code: z.string(),
  file: z.string(),
  line: z.int().nullable(),
  path: z.string(),
  message: z.string(),
});

/** GET /api/sources/drafts/:id/preview: what a commit would add and link, and whether the dataset is valid. */
export const PreviewResponse = named(
  "PreviewResponse",
  z.object({
    draftId: z.string(),
    datasetId: z.string().describe('The manifest id, e.g. "source-talks-in-minsk"'),
    sourceId: z.string().describe('"source:<slug>"'),
    adds: z.object({
      actors: z.array(Added),
      forums: z.array(Added),
      events: z.array(Added),
      claims: z.array(Added),
    }),
    links: z.array(Linked).describe("Existing nodes the accepted proposals are linked to"),
    evidence: z
      .array(z.object({ of: z.string(), exact: z.string(), proposal: z.string() }))
      .describe("New passages that become evidence of existing records (the same meeting from another source)"),
    skipped: z.object({ unreviewed: z.int(), rejected: z.int(), unsure: z.int() }),
    valid: z.boolean(),
    problems: z.array(DatasetProblem),
    files: z.array(z.object({ path: z.string(), bytes: z.int() })),
  }),
);
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** POST /api/sources/drafts/:id/commit */
export const CommitResponse = named(
  "CommitResponse",
  z.object({
    draftId: z.string(),
    datasetId: z.string(),
    sourceId: z.string(),
    nodes: z.int().describe("Nodes the dataset holds after the load"),
    relationships: z.int(),
    files: z.array(z.object({ path: z.string(), bytes: z.int() })),
    by: z.string(),
    at: z.string(),
  }),
);
export type CommitResponse = z.infer<typeof CommitResponse>;
