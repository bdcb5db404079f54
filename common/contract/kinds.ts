/** The graph's node labels and relationship types, as plain constants (no zod) so the client bundle can import them alone. */

/** Node labels of the graph (docs/data-model.md). */
export const NODE_TYPES = ["Actor", "Forum", "Event", "Claim", "Source", "Passage"] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Relationship types the loader writes (docs/data-model.md); `MET` is derived after each load. */
export const REL_TYPES = [
  "PARTICIPATED_IN",
  "AT_FORUM",
  "MEMBER_OF",
  "HOLDS_ROLE",
  "PART_OF",
  "ABOUT",
  "STATED_BY",
  "CONTRADICTS",
  "EVIDENCED_BY",
  "IN_SOURCE",
  "AUTHORED_BY",
] as const;
export type RelType = (typeof REL_TYPES)[number];
