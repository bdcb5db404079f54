/** How each kind of proposal looks in the review: a letter (so colour is never the only cue), a name and a colour. */
import type { ItemKind } from "./model.js";

export interface KindStyle {
  letter: string;
  label: string;
  /** Chosen to be told apart, and close to the graph's colours where a kind becomes a node of that type. */
  color: string;
}

export const KIND_STYLES: Record<ItemKind, KindStyle> = {
  actor: { letter: "A", label: "Actor", color: "#1d4ed8" },
  forum: { letter: "F", label: "Forum", color: "#047857" },
  place: { letter: "P", label: "Place", color: "#0e7490" },
  date: { letter: "D", label: "Date", color: "#a16207" },
  quantity: { letter: "Q", label: "Quantity", color: "#be185d" },
  statement: { letter: "S", label: "Statement", color: "#7e22ce" },
  meeting: { letter: "M", label: "Meeting", color: "#c2410c" },
  claim: { letter: "C", label: "Claim (selected)", color: "#6d28d9" },
  event: { letter: "E", label: "Event (selected)", color: "#9a3412" },
};

/**
 * Stacked underlines for a piece of text under several spans, innermost at the bottom line, 3px each.
 * @example underlines(["actor", "meeting"]) === "inset 0 -3px 0 0 #1d4ed8, inset 0 -6px 0 0 #c2410c"
 */
export function underlines(kinds: readonly ItemKind[]): string {
  return kinds.map((kind, depth) => `inset 0 -${3 * (depth + 1)}px 0 0 ${KIND_STYLES[kind].color}`).join(", ");
}
