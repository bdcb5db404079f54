/** The list of proposals and selections: kind, text, what it resolves to, score, reason and state; one is current. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { Decision } from "../../common/api-types.js";
import { KIND_STYLES } from "./kinds.js";
import { itemState, type ReviewItem, resolvedEntity } from "./model.js";

export interface ProposalListProps {
  items: readonly ReviewItem[];
  decisions: ReadonlyMap<string, Decision>;
  current: string | undefined;
  /** Names of nodes the reviewer linked through search, by id. */
  names: ReadonlyMap<string, string>;
  onPick(id: string): void;
}

const STATE_LABELS = {
  accepted: "accepted",
  rejected: "rejected",
  unsure: "unsure",
  unreviewed: "unreviewed",
} as const;

/** What an item stands for, in words: an existing node (by name when known) or a new one; nothing for dates and such. */
export function resolvedText(
  item: ReviewItem,
  decision: Decision | undefined,
  names: ReadonlyMap<string, string>,
): string | undefined {
  if (!["actor", "forum", "meeting", "event", "statement", "claim"].includes(item.kind)) return undefined;
  const entity = resolvedEntity(item, decision);
  if (entity === null) return "new";
  return names.get(entity) ?? entity;
}

/**
 * What the extractor read in the words, where it is not the words themselves.
 * @example readValue(dateProposal) === "= 2026-03-14 (day)"
 */
function readValue(item: ReviewItem): string | undefined {
  const proposal = item.proposal;
  if (proposal?.kind === "date") return `= ${proposal.value} (${proposal.precision})`;
  if (proposal?.kind === "quantity") return `= ${proposal.value} ${proposal.unit}`;
  if (proposal?.kind === "statement" && proposal.speakerText) return `said by ${proposal.speakerText}`;
  const fields = item.selection?.fields;
  if (fields?.claimText) return `“${fields.claimText}”`;
  if (fields?.name) return `“${fields.name}”`;
  return undefined;
}

export const itemDomId = (id: string) => `review-item-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/**
 * A listbox: the current item is its active option (aria-activedescendant), moved with j/k or the arrows by the
 * screen's keyboard handler; a click makes an item current.
 */
export function proposalListTemplate(props: ProposalListProps): TemplateResult {
  const { items, decisions, current } = props;
  if (items.length === 0) {
    return html`<p class="empty">The extractor proposed nothing here. Select text in the article to make a claim or an event of it.</p>`;
  }
  return html`<ol
    class="proposal-list"
    role="listbox"
    tabindex="0"
    aria-label="Proposals and selections (j/k or arrows move, a accepts, r rejects)"
    aria-activedescendant=${current ? itemDomId(current) : nothing}
  >
    ${items.map((item) => {
      const style = KIND_STYLES[item.kind];
      const decision = decisions.get(item.id);
      const state = itemState(decision);
      const resolved = resolvedText(item, decision, props.names);
      return html`<li
        id=${itemDomId(item.id)}
        role="option"
        aria-selected=${item.id === current ? "true" : "false"}
        class=${`proposal state-${state}${item.id === current ? " current" : ""}`}
        data-item=${item.id}
        @click=${() => props.onPick(item.id)}
      >
        <span class="kind-badge" style=${`background:${style.color}`} title=${style.label}>${style.letter}<span class="visually-hidden"> ${style.label}</span></span>
        <span class="proposal-main">
          <span class="proposal-text">${item.text}</span>
          <span class="proposal-meta">
            ${resolved ? html`<span class="resolved">→ ${resolved}</span>` : nothing}
            ${readValue(item) ? html`<span class="resolved">${readValue(item)}</span>` : nothing}
            ${item.score !== null ? html`<span class="score" title="The extractor's confidence">${item.score.toFixed(2)}</span>` : nothing}
            <span class="reason">${item.reason}</span>
          </span>
        </span>
        <span class=${`state-badge state-${state}`}>${STATE_LABELS[state]}</span>
      </li>`;
    })}
  </ol>`;
}
