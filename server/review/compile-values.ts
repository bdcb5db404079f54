/** The values a compiled dataset writes from proposals: dates, quantities, a forum's kind, an event's name words. Pure. */
import type { Proposal } from "../../common/contract/extraction.js";
import type { Quote } from "./quote.js";

export type DateSpec = { on?: string; from?: string; to?: string; qualifier?: string };

export const PARTIAL_DATE = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{3}0s)$/;
export const LABELS: Record<string, string> = { actor: "Actor", forum: "Forum", event: "Event", claim: "Claim" };
export const kindOfId = (id: string) => id.slice(0, id.indexOf(":"));
export const EVENT_WORDS: Record<string, string> = {
  meeting: "meeting",
  "meeting-series": "meetings",
  call: "call",
  "state-visit": "state visit",
  summit: "summit",
};

export const sameQuote = (a: Quote, b: Quote) => a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
export const shortText = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

/** A forum's kind from its name (the extractor does not say): a summit, a conference, else an organisation. */
export function forumKind(name: string): string {
  if (/\bsummit\b/i.test(name)) return "summit";
  if (/\b(conference|forum|dialogue|meeting)\b/i.test(name)) return "conference";
  if (/\b(united nations|un)\b.*\b(council|assembly)\b/i.test(name)) return "un-body";
  return "organisation";
}

/** A reviewer's date: "2025-05-09", "2025-05", "2025", "1960s", or "from/to" with either end empty; null for none. */
export function dateOfEdit(value: string | null): DateSpec | undefined {
  if (value === null) return undefined;
  if (!value.includes("/")) return { on: value.trim() };
  const [from, to] = value.split("/").map((part) => part.trim());
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** The dataset's quantity of a quantity proposal (docs/dataset-format.md); a change without a base is left out. */
export function quantityOf(proposal: Extract<Proposal, { kind: "quantity" }>): Record<string, unknown> {
  const measure = proposal.measure === "count" ? `count of ${proposal.unit}` : proposal.measure;
  return {
    measure,
    value: proposal.value,
    unit: proposal.unit,
    ...(proposal.qualifier ? { qualifier: proposal.qualifier } : {}),
    ...(proposal.outOf !== undefined ? { outOf: proposal.outOf } : {}),
    ...(proposal.change?.base ? { change: proposal.change } : {}),
  };
}
