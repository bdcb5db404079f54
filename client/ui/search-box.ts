/** A search box with suggestions as you type (ARIA combobox pattern): arrows move, Enter picks, Escape closes. */
import { html, nothing, render } from "lit-html";
import type { NodeType, SearchHit } from "../../common/api-types.js";
import { ApiRequestError, api } from "../api/client.js";
import { nodeStyle } from "../graph/style.js";
import { activity } from "../state/idle.js";
import { errorMessage } from "./context.js";
import { highlightParts } from "./snippet.js";

let counter = 0;

export interface SearchBoxOptions {
  /** Accessible name; the main search is "Search". */
  label: string;
  placeholder: string;
  /** Restrict suggestions to these node types. */
  types?: NodeType[];
  /** The main search box has role="searchbox"; pickers are comboboxes. */
  role: "searchbox" | "combobox";
  /** Show the label visibly (pickers) or only to assistive technology (the main search). */
  visibleLabel?: boolean;
  onPick(hit: SearchHit): void;
}

export class SearchBox {
  readonly #host: HTMLElement;
  readonly #options: SearchBoxOptions;
  readonly #id = `search-${++counter}`;
  #hits: SearchHit[] = [];
  #active = -1;
  #open = false;
  #loading = false;
  #message = "";
  #value = "";
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the scheduled search's count as pending work (the app is not at rest while a search is about to start). */
  #endScheduled = () => {};
  #abort: AbortController | undefined;

  constructor(host: HTMLElement, options: SearchBoxOptions) {
    this.#host = host;
    this.#options = options;
    this.render();
  }

  /** Sets the text without searching (e.g. the name of a picked actor). */
  set value(text: string) {
    this.#value = text;
    this.render();
  }

  focus(): void {
    this.#host.querySelector("input")?.focus();
  }

  #onInput(event: Event): void {
    this.#value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#endScheduled();
    const query = this.#value.trim();
    if (query.length < 2) {
      this.#abort?.abort();
      this.#hits = [];
      this.#open = false;
      this.#loading = false;
      this.#message = "";
      this.render();
      return;
    }
    this.#endScheduled = activity.begin();
    this.#timer = setTimeout(() => {
      this.#endScheduled();
      void this.#search(query);
    }, 150);
  }

  async #search(query: string): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#loading = true;
    this.render();
    try {
      const response = await api.search(query, {
        limit: 12,
        signal: abort.signal,
        ...(this.#options.types ? { types: this.#options.types } : {}),
      });
      this.#hits = response.hits;
      this.#message = response.hits.length === 0 ? `Nothing matches “${query}”. Try part of a name.` : "";
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      this.#hits = [];
      this.#message = error instanceof ApiRequestError ? errorMessage(error) : "Search failed.";
    } finally {
      if (this.#abort === abort) this.#loading = false;
    }
    this.#active = this.#hits.length > 0 ? 0 : -1;
    this.#open = true;
    this.render();
  }

  #onKey(event: KeyboardEvent): void {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!this.#open && this.#hits.length > 0) this.#open = true;
      const step = event.key === "ArrowDown" ? 1 : -1;
      const count = this.#hits.length;
      if (count > 0) this.#active = (this.#active + step + count) % count;
      event.preventDefault();
      this.render();
    } else if (event.key === "Enter") {
      const hit = this.#hits[this.#active];
      if (this.#open && hit) {
        event.preventDefault();
        this.#pick(hit);
      } else if (this.#value.trim().length >= 2) {
        clearTimeout(this.#timer);
        void this.#search(this.#value.trim());
      }
    } else if (event.key === "Escape") {
      this.#open = false;
      this.render();
    }
  }

  #pick(hit: SearchHit): void {
    this.#open = false;
    this.#value = hit.label;
    this.render();
    this.#options.onPick(hit);
  }

  render(): void {
    const { label, placeholder, role, visibleLabel } = this.#options;
    const listId = `${this.#id}-list`;
    const open = this.#open && (this.#hits.length > 0 || this.#message !== "");
    const activeId = this.#active >= 0 && open ? `${this.#id}-opt-${this.#active}` : "";
    render(
      html`<div class="search-box">
        <label for=${this.#id} class=${visibleLabel ? "field-label" : "visually-hidden"}>${label}</label>
        <input
          id=${this.#id}
          type="search"
          role=${role}
          autocomplete="off"
          spellcheck="false"
          placeholder=${placeholder}
          .value=${this.#value}
          aria-autocomplete="list"
          aria-controls=${listId}
          aria-expanded=${open ? "true" : "false"}
          aria-activedescendant=${activeId || nothing}
          @input=${(event: Event) => this.#onInput(event)}
          @keydown=${(event: KeyboardEvent) => this.#onKey(event)}
          @blur=${() =>
            setTimeout(() => {
              this.#open = false;
              this.render();
            }, 150)}
        />
        ${this.#loading ? html`<span class="spinner small search-spinner" role="status" aria-label="Searching"></span>` : nothing}
        <ul id=${listId} role="listbox" aria-label=${`${label} suggestions`} class="suggestions" ?hidden=${!open}>
          ${this.#hits.map((hit, index) => {
            const style = nodeStyle(hit.type);
            return html`<li
              id=${`${this.#id}-opt-${index}`}
              role="option"
              aria-selected=${index === this.#active ? "true" : "false"}
              class=${index === this.#active ? "active" : ""}
              @mousedown=${(event: Event) => {
                event.preventDefault();
                this.#pick(hit);
              }}
            >
              <span class="type-icon" style=${`color:${style.color}`} aria-hidden="true">${style.glyph}</span>
              <span class="hit-text">
                <span class="hit-label">${hit.label}</span>
                <span class="hit-type">${hit.type}</span>
                ${
                  hit.snippet.text && hit.snippet.text !== hit.label
                    ? html`<span class="hit-snippet"
                      >${highlightParts(hit.snippet).map((part) => (part.marked ? html`<mark>${part.text}</mark>` : part.text))}</span
                    >`
                    : nothing
                }
              </span>
            </li>`;
          })}
          ${this.#message ? html`<li class="empty" role="option" aria-disabled="true">${this.#message}</li>` : nothing}
        </ul>
      </div>`,
      this.#host,
    );
  }
}
