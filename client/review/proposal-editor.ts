/** The current item's card: its actions (accept, reject, unsure, edit, link, new) and the editor of the fields its kind has. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { Decision, DecisionInput, ProposalEdit } from "../../common/api-types.js";
import { KIND_STYLES } from "./kinds.js";
import { type ItemKind, itemState, LINKABLE_KINDS, type ReviewItem } from "./model.js";
import { resolvedText } from "./proposal-list.js";

type Field = keyof ProposalEdit;

/** The fields of ProposalEdit that fit each kind (start/end are corrected by selecting text instead). */
const EDIT_FIELDS: Record<ItemKind, readonly Field[]> = {
  actor: ["name", "actorKind"],
  forum: ["name"],
  place: ["name"],
  date: ["date"],
  quantity: ["claimText", "date", "about"],
  statement: ["claimText", "statedBy", "about", "date"],
  meeting: ["name", "eventKind", "date", "participants", "forum", "place"],
  claim: ["claimKind", "claimText", "statedBy", "about", "date"],
  event: ["name", "eventKind", "date", "participants", "forum", "place"],
};

const LABELS: Partial<Record<Field, string>> = {
  name: "Name",
  actorKind: "Actor kind",
  eventKind: "Event kind",
  claimKind: "Claim kind",
  claimText: "Claim (one sentence)",
  date: "Date (2025-05-09, 2025-05, 2024, 1960s or from/to)",
  participants: "Participants (node ids, comma-separated; new:p1 for a new one)",
  about: "About (node ids, comma-separated)",
  statedBy: "Stated by (node ids, comma-separated)",
  forum: "Forum (node id)",
  place: "Place",
};

const CHOICES: Partial<Record<Field, readonly string[]>> = {
  actorKind: ["person", "state", "organisation", "agency", "company", "military", "group", "region"],
  eventKind: ["meeting", "meeting-series", "call", "state-visit", "summit"],
  claimKind: ["quantity", "aggregate", "statement", "report", "assessment", "fact"],
};

const LIST_FIELDS: ReadonlySet<Field> = new Set(["participants", "about", "statedBy"]);

/**
 * The edit a form holds: empty fields left out, lists split at commas.
 * @example editFromForm(["name", "participants"], { name: " Talks ", participants: "actor:a, new:p2" })
 *   // { name: "Talks", participants: ["actor:a", "new:p2"] }
 */
export function editFromForm(fields: readonly Field[], values: Record<string, string>): ProposalEdit {
  const edit: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (values[field] ?? "").trim();
    if (!value) continue;
    edit[field] = LIST_FIELDS.has(field)
      ? value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean)
      : value;
  }
  return edit as ProposalEdit;
}

export interface CardProps {
  item: ReviewItem;
  decision: Decision | undefined;
  names: ReadonlyMap<string, string>;
  editing: boolean;
  /** What the editor starts with, by field (the decision's edit, else what the proposal says). */
  initial: Partial<Record<Field, string>>;
  /** The host of the link search box (a SearchBox draws itself there). */
  linkHost: HTMLElement;
  decide(input: Omit<DecisionInput, "proposal">, options?: { advance?: boolean }): void;
  toggleEdit(): void;
  removeSelection(): void;
}

function fieldTemplate(field: Field, value: string): TemplateResult {
  const id = `edit-${field}`;
  const choices = CHOICES[field];
  return html`<label class="field" for=${id}><span class="field-label">${LABELS[field] ?? field}</span>
    ${
      choices
        ? html`<select id=${id} name=${field}>
            <option value="" ?selected=${!value}>—</option>
            ${choices.map((choice) => html`<option value=${choice} ?selected=${choice === value}>${choice}</option>`)}
          </select>`
        : field === "claimText"
          ? html`<textarea id=${id} name=${field} rows="2">${value}</textarea>`
          : html`<input id=${id} name=${field} .value=${value} autocomplete="off" />`
    }</label>`;
}

/** Who decided what, when, and the merge verdict and note recorded with it. */
function decisionLine(decision: Decision): string {
  const when = decision.at.slice(0, 16).replace("T", " ");
  const merge = decision.merge ? ` · ${decision.merge.verdict} as ${decision.merge.candidate}` : "";
  const note = decision.note ? ` · “${decision.note}”` : "";
  return `${decision.action === "unsure" ? "Unsure" : `${decision.action[0]?.toUpperCase()}${decision.action.slice(1)}ed`} by ${decision.by}, ${when} UTC${merge}${note}`;
}

export function cardTemplate(props: CardProps): TemplateResult {
  const { item, decision } = props;
  const style = KIND_STYLES[item.kind];
  const state = itemState(decision);
  const fields = EDIT_FIELDS[item.kind];
  const resolved = resolvedText(item, decision, props.names);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = Object.fromEntries([...new FormData(form)].map(([key, value]) => [key, String(value)]));
    props.decide({ action: "accept", edit: editFromForm(fields, values) }, { advance: true });
  };
  return html`<div class="card-head">
      <span class="kind-badge" style=${`background:${style.color}`} aria-hidden="true">${style.letter}</span>
      <div>
        <p class="card-kind">${style.label}${resolved ? html` → <strong>${resolved}</strong>` : nothing}
          <span class=${`state-badge state-${state}`}>${state}</span></p>
        <p class="card-text">“${item.text}”</p>
      </div>
    </div>
    ${
      item.alternatives.length > 0
        ? html`<p class="small">Could also be:
          ${item.alternatives.map(
            (alternative) =>
              html`<button type="button" class="chip" title=${`Link to ${alternative.entity} (score ${alternative.score})`}
                @click=${() => props.decide({ action: "accept", entity: alternative.entity }, { advance: true })}>${alternative.name}</button> `,
          )}</p>`
        : nothing
    }
    <div class="row wrap card-actions" role="group" aria-label="Decide on this proposal">
      <button type="button" class="primary" @click=${() => props.decide({ action: "accept" }, { advance: true })}>Accept <kbd>a</kbd></button>
      <button type="button" @click=${() => props.decide({ action: "reject" }, { advance: true })}>Reject <kbd>r</kbd></button>
      <button type="button" @click=${() => props.decide({ action: "unsure" })}>Unsure <kbd>u</kbd></button>
      <button type="button" aria-expanded=${props.editing ? "true" : "false"} @click=${() => props.toggleEdit()}>Edit <kbd>e</kbd></button>
      ${
        LINKABLE_KINDS.has(item.kind) || item.kind === "meeting"
          ? html`<button type="button" title="Accept it as a node the graph does not hold yet"
              @click=${() => props.decide({ action: "accept", entity: null }, { advance: true })}>Create new</button>`
          : nothing
      }
      ${item.selection ? html`<button type="button" @click=${() => props.removeSelection()}>Remove selection</button>` : nothing}
    </div>
    <label class="field decision-note" for="decision-note"><span class="field-label">Note for the next decision</span>
      <input id="decision-note" name="note" maxlength="2000" autocomplete="off"
        placeholder="Why: kept with the decision, e.g. a different person of the same name" /></label>
    ${decision ? html`<p class="small decided">${decisionLine(decision)}</p>` : nothing}
    ${LINKABLE_KINDS.has(item.kind) || item.kind === "meeting" ? html`<div class="link-box">${props.linkHost}</div>` : nothing}
    ${
      props.editing
        ? html`<form class="card-editor" aria-label="Edit the proposal" @submit=${submit}>
          ${fields.map((field) => fieldTemplate(field, props.initial[field] ?? ""))}
          <div class="row"><button type="submit" class="primary">Save and accept</button>
          <button type="button" @click=${() => props.toggleEdit()}>Cancel</button></div>
        </form>`
        : nothing
    }`;
}
