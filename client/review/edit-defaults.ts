/** What the editor starts with for an item: the reviewer's last edit, else what the extractor proposed, as form text. */
import type { Decision, ProposalEdit } from "../../common/api-types.js";
import { type ReviewItem, resolvedEntity } from "./model.js";

type Values = Partial<Record<keyof ProposalEdit, string>>;

export interface ItemLookup {
  item(id: string): ReviewItem | undefined;
  decision(id: string): Decision | undefined;
}

/**
 * The node id another proposal stands for, as ProposalEdit writes it: the existing node it resolves to, or
 * `new:<proposal id>` for a node this draft creates.
 * @example nodeRef("p1", lookup) === "actor:wang-yi"; nodeRef("p3", lookup) === "new:p3"
 */
export function nodeRef(proposalId: string, lookup: ItemLookup): string {
  const item = lookup.item(proposalId);
  const entity = item ? resolvedEntity(item, lookup.decision(proposalId)) : null;
  return entity ?? `new:${proposalId}`;
}

const ACTOR_KINDS = new Set(["person", "state", "organisation", "group"]);

/** The extractor's proposal as editor values (fields its kind has; see EDIT_FIELDS). */
function proposed(item: ReviewItem, lookup: ItemLookup): Values {
  const proposal = item.proposal;
  if (!proposal) return item.selection ? fromEdit(item.selection.fields) : {};
  switch (proposal.kind) {
    case "actor":
      return { name: item.text, ...(ACTOR_KINDS.has(proposal.type) ? { actorKind: proposal.type } : {}) };
    case "forum":
    case "place":
      return { name: item.text };
    case "date":
      return { date: proposal.value };
    case "quantity":
      return { claimText: item.text };
    case "statement":
      return {
        claimText: proposal.quote,
        ...(proposal.speaker ? { statedBy: nodeRef(proposal.speaker, lookup) } : {}),
      };
    case "meeting": {
      const date = proposal.date ? lookup.item(proposal.date)?.proposal : undefined;
      const place = proposal.place ? lookup.item(proposal.place) : undefined;
      return {
        name: item.text,
        eventKind: proposal.eventKind,
        participants: proposal.participants.map((id) => nodeRef(id, lookup)).join(", "),
        ...(date?.kind === "date" ? { date: date.value } : {}),
        ...(proposal.forum ? { forum: nodeRef(proposal.forum, lookup) } : {}),
        ...(place ? { place: place.text } : {}),
      };
    }
  }
}

function fromEdit(edit: ProposalEdit): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(edit)) {
    if (value === null || value === undefined) continue;
    out[key as keyof ProposalEdit] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  return out;
}

/** The editor's first values: what the extractor proposed, overridden by the current decision's edit. */
export function initialValues(item: ReviewItem, lookup: ItemLookup): Values {
  const edit = lookup.decision(item.id)?.edit;
  return { ...proposed(item, lookup), ...(edit ? fromEdit(edit) : {}) };
}
