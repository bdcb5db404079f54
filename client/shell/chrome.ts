/** The chrome around the canvas: toolbar, caption, status line, empty-canvas message and toasts. */
import { html, nothing, render } from "lit-html";
import { element } from "./dom.js";

export interface ChromeActions {
  fit(): void;
  undo(): void;
  overview(): void;
  expand(id: string): void;
  hide(id: string): void;
  openMeetings(): void;
}

export interface ToolbarState {
  canUndo: boolean;
  /** The selected node, when the selection is a node on the canvas (Expand and Hide act on it). */
  selectedNode: string | undefined;
}

export interface StatusState {
  /** Labels of the work under way, oldest first; the newest is shown. */
  loading: readonly string[];
  /** Elements not hidden by a filter, and all elements on the canvas. */
  nodes: number;
  edges: number;
  total: number;
  databaseAnswers: boolean;
}

/**
 * The status line's counts.
 * @example countsText({ nodes: 3, edges: 2, total: 7 }) === "3 nodes · 2 relationships shown (2 hidden by filters)"
 */
export function countsText(counts: { nodes: number; edges: number; total: number }): string {
  const hidden = counts.total - counts.nodes - counts.edges;
  return `${counts.nodes} nodes · ${counts.edges} relationships shown${hidden > 0 ? ` (${hidden} hidden by filters)` : ""}`;
}

/**
 * The caption's lead for a focus, with a full stop unless its label ends in punctuation already.
 * @example focusLead("Wang Yi") === "Around Wang Yi."; focusLead("Is it?") === "Around Is it?"
 */
export function focusLead(label: string): string {
  return `Around ${label}${/[.…!?]$/.test(label) ? "" : "."}`;
}

export class Chrome {
  readonly #hosts = {
    toolbar: element("#toolbar"),
    caption: element("#caption"),
    status: element("#status"),
    empty: element("#empty-state"),
    toast: element("#toast"),
  };
  readonly #actions: ChromeActions;
  #toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(actions: ChromeActions) {
    this.#actions = actions;
  }

  renderToolbar(state: ToolbarState): void {
    const actions = this.#actions;
    const selected = state.selectedNode;
    render(
      html`<button type="button" @click=${() => actions.fit()} title="Fit the graph in view">Fit</button>
        <button type="button" ?disabled=${!state.canUndo} @click=${() => actions.undo()} title="Undo the last change to the canvas">Undo</button>
        <button type="button" @click=${() => actions.overview()} title="Back to the who-met-whom overview">Overview</button>
        ${
          selected
            ? html`<button type="button" @click=${() => actions.expand(selected)} title="Add its neighbours (Enter)">Expand</button>
              <button type="button" @click=${() => actions.hide(selected)} title="Remove it from the canvas (Delete)">Hide</button>`
            : nothing
        }`,
      this.#hosts.toolbar,
    );
  }

  /** The caption says what the canvas shows: around a focus (by its label), or the overview. */
  renderCaption(focusLabel: string | undefined): void {
    render(
      focusLabel !== undefined
        ? html`<p><strong>${focusLead(focusLabel)}</strong> Click a node for its details and sources; double-click it (or press Enter) to expand it.</p>`
        : html`<p><strong>Who met whom.</strong> A line joins two actors who met; “18×” is how often the source says they met. Click a line for where they met and who says so.</p>`,
      this.#hosts.caption,
    );
  }

  /** The status line, and the message on an empty canvas once nothing is loading. */
  renderStatus(state: StatusState): void {
    const { loading } = state;
    render(
      html`${loading.length > 0 ? html`<span class="loading"><span class="spinner small" aria-hidden="true"></span> ${loading[loading.length - 1]}…</span>` : nothing}
        <span class="counts">${countsText(state)}</span>`,
      this.#hosts.status,
    );
    const empty = this.#hosts.empty;
    const showEmpty = loading.length === 0 && state.total === 0;
    empty.hidden = !showEmpty;
    if (!showEmpty) return;
    render(
      !state.databaseAnswers
        ? html`<p><strong>The database is not answering.</strong></p>
          <p>The canvas fills as soon as it is back; this page checks every 30 seconds.</p>`
        : html`<p><strong>Nothing on the canvas yet.</strong></p>
          <p>Search for a person, forum, event or claim above — for example “Wang Yi” — or open <button type="button" class="link" @click=${() => this.#actions.openMeetings()}>Who met whom</button>.</p>`,
      empty,
    );
  }

  /** Shows a message for a few seconds (errors longer); a new one replaces the last. */
  toast(message: string, isError = false): void {
    const toast = this.#hosts.toast;
    toast.textContent = message;
    toast.hidden = false;
    toast.classList.toggle("error", isError);
    clearTimeout(this.#toastTimer);
    this.#toastTimer = setTimeout(() => (toast.hidden = true), isError ? 8_000 : 3_000);
  }
}
