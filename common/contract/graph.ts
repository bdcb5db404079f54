/**
 * Graph elements as the API sends them (Cytoscape.js elements JSON): each node label and each
 * relationship type has its own data schema, joined in discriminated unions on `type`.
 */
import { z } from "zod";
import { NODE_TYPES } from "./kinds.js";
import { named } from "./registry.js";

const text = z.string();
const int = z.number().int();
const strings = z.array(z.string());

/**
 * The date properties under a prefix (`date`, `period`, `published`), as docs/data-model.md lists
 * them: ISO bounds, precision, qualifier, display text and note, each absent when the source gives none.
 */
function dateFields<P extends string>(prefix: P) {
  return {
    [`${prefix}Start`]: text.optional(),
    [`${prefix}End`]: text.optional(),
    [`${prefix}Precision`]: z.enum(["day", "month", "year", "decade"]).optional(),
    [`${prefix}Qualifier`]: text.optional(),
    [`${prefix}Text`]: text.optional(),
    [`${prefix}Note`]: text.optional(),
  } as Record<`${P}${"Start" | "End" | "Qualifier" | "Text" | "Note"}`, z.ZodOptional<z.ZodString>> &
    Record<`${P}Precision`, z.ZodOptional<z.ZodEnum<{ day: "day"; month: "month"; year: "year"; decade: "decade" }>>>;
}

/**
 * What every node carries. The server sends every stored property of a node (JSON-safe: dates as
 * ISO strings); the contract types each one the loader writes, and the contract test fails on one
 * it does not.
 */
const nodeBase = {
  id: text,
  label: text,
  name: text.optional(),
  /** Ids of the datasets that contributed the node. */
  datasets: strings.optional(),
  /** Neighbours the server left out because of a limit ("+N more"). */
  hiddenNeighbours: int.nonnegative().optional(),
  /** How many passages evidence this node (for emphasis). */
  evidenceCount: int.nonnegative().optional(),
  /** Degree in the whole graph (for sizing). */
  degree: int.nonnegative().optional(),
};

/** Other names (search's folded keys of these and of `name` stay in the database). */
const aliases = { aliases: strings.optional() };
const certainty = { certainty: text.optional(), note: text.optional() };

export const ActorData = z.object({
  ...nodeBase,
  type: z.literal("Actor"),
  ...aliases,
  kind: text.optional(),
  /** Display strings such as "then Ambassador to the U.S., China (Mar 2022)". */
  roles: strings.optional(),
  description: text.optional(),
  /** Meeting-like events the actor took part in, and its rank by that (derived after each load). */
  meetings: int.optional(),
  metRank: int.optional(),
});

export const ForumData = z.object({
  ...nodeBase,
  type: z.literal("Forum"),
  ...aliases,
  kind: text.optional(),
  description: text.optional(),
});

export const EventData = z.object({
  ...nodeBase,
  type: z.literal("Event"),
  kind: text.optional(),
  ...dateFields("date"),
  place: text.optional(),
  description: text.optional(),
  ...certainty,
});

export const ClaimData = z.object({
  ...nodeBase,
  type: z.literal("Claim"),
  kind: text.optional(),
  text: text.optional(),
  measure: text.optional(),
  value: z.number().optional(),
  unit: text.optional(),
  qualifier: text.optional(),
  outOf: z.number().optional(),
  ...dateFields("period"),
  changeValue: z.number().optional(),
  changeUnit: text.optional(),
  changeDirection: text.optional(),
  changeBase: text.optional(),
  changeBaseValue: z.number().optional(),
  ...dateFields("date"),
  ...certainty,
});

export const SourceData = z.object({
  ...nodeBase,
  type: z.literal("Source"),
  title: text.optional(),
  author: text.optional(),
  authorAffiliation: text.optional(),
  publisher: text.optional(),
  url: text.optional(),
  ...dateFields("published"),
  language: text.optional(),
  file: text.optional(),
  /** The full text: only GET /api/nodes/:id sends it, never an element on the canvas. */
  content: text.optional(),
  /** sha256 of the text's normal form (server/sources/normalise.ts): a draft with the same hash is this source's text. */
  contentSha256: text.optional(),
});

export const PassageData = z.object({
  ...nodeBase,
  type: z.literal("Passage"),
  exact: text.optional(),
  prefix: text.optional(),
  suffix: text.optional(),
  start: int.optional(),
  end: int.optional(),
  paragraph: text.optional(),
  paragraphOffset: int.optional(),
  sourceId: text.optional(),
});

export const NodeData = named(
  "NodeData",
  z.discriminatedUnion("type", [ActorData, ForumData, EventData, ClaimData, SourceData, PassageData]),
  "A node's data, by its label (`type`): its stored properties plus what the server adds (label, degree…).",
);

/** What every relationship carries; `evidence` lists the ids of the Passages that support it. */
const edgeBase = {
  /** Stable id: `${source}|${type}|${target}` (plus `|n` when parallel edges of one type exist). */
  id: text,
  source: text,
  target: text,
  label: text.optional(),
  datasets: strings.optional(),
  evidence: strings.optional(),
};

const edge = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ ...edgeBase, type: z.literal(type), ...shape });

const ParticipatedInData = edge("PARTICIPATED_IN", { role: text.optional(), ...certainty });
const AtForumData = edge("AT_FORUM", {});
const MemberOfData = edge("MEMBER_OF", { ...certainty });
const HoldsRoleData = edge("HOLDS_ROLE", {
  title: text.optional(),
  qualifier: text.optional(),
  ...dateFields("date"),
  ...certainty,
});
const PartOfData = edge("PART_OF", {});
const AboutData = edge("ABOUT", {});
const StatedByData = edge("STATED_BY", {});
const ContradictsData = edge("CONTRADICTS", { note: text.optional() });
const EvidencedByData = edge("EVIDENCED_BY", {});
const InSourceData = edge("IN_SOURCE", {});
const AuthoredByData = edge("AUTHORED_BY", {});

/** An aggregate claim that counts a pair's meetings ("met 18 times"). */
const ReportedMeetings = z.object({ claim: text, value: z.number(), qualifier: text.nullable() });

/**
 * A who-met-whom line of GET /api/meetings/network: `${a}|MET|${b}`, a's id before b's.
 */
export const MetData = edge("MET", {
  /** Shared meeting-like events in the window or at the forum. */
  weight: int.nonnegative(),
  /** Ids of at most the latest 10 of them, in date order (GET /api/meetings?actor=&with= pages through all). */
  events: strings,
  /** Dates (ISO) of the pair's first and last meeting. */
  first: text.nullable(),
  last: text.nullable(),
  /**
   * How many forums they met at (a hub pair meets at a hundred: the names, with their meetings,
   * come from GET /api/meetings?actor=&with=).
   */
  forumCount: int.nonnegative(),
  /** Aggregate claims about the pair, largest first. */
  reported: z.array(ReportedMeetings),
  /** The largest of the `reported` values, when any. */
  reportedCount: z.number().optional(),
});

export const EdgeData = named(
  "EdgeData",
  z.discriminatedUnion("type", [
    ParticipatedInData,
    AtForumData,
    MemberOfData,
    HoldsRoleData,
    PartOfData,
    AboutData,
    StatedByData,
    ContradictsData,
    EvidencedByData,
    InSourceData,
    AuthoredByData,
    MetData,
  ]),
  "A relationship's data, by its type: its stored properties plus id, source, target and label.",
);

export const Elements = named(
  "Elements",
  z.object({
    nodes: z.array(z.object({ data: NodeData })),
    edges: z.array(z.object({ data: EdgeData })),
  }),
);

export const MeetingNetworkElements = named(
  "MeetingNetworkElements",
  z.object({
    nodes: z.array(z.object({ data: NodeData })),
    edges: z.array(z.object({ data: MetData })),
  }),
  "The who-met-whom overview: actors and the MET lines between them.",
);

/**
 * A node of another label than Liaison's own (a `Dataset`, the `Projection`), which only the
 * console can return; its type is its first label.
 */
const OtherNodeData = z.looseObject({ ...nodeBase, type: text.refine((type) => !NODE_TYPES.includes(type as never)) });
/** A relationship as stored, whatever its type: the console returns them with all their properties (a stored `MET` too). */
const StoredEdgeData = z.looseObject({ ...edgeBase, type: text });

export const ConsoleElements = named(
  "ConsoleElements",
  z.object({
    nodes: z.array(z.object({ data: z.union([NodeData, OtherNodeData]) })),
    edges: z.array(z.object({ data: z.union([EdgeData, StoredEdgeData]) })),
  }),
  "Elements of console results: Liaison's node kinds, other labels, and relationships as stored.",
);
