/** Saved views: save the canvas with its filters under a name, restore it, and hand views over as a file. */
import { html, render, type TemplateResult } from "lit-html";
import { live } from "lit-html/directives/live.js";
import { download } from "../export/csv.js";
import { serializeViewState } from "../state/url-state.js";
import { type SavedView, savedViewState, ViewStore, viewFile } from "../views/saved-views.js";
import { type AppContext, errorMessage } from "./context.js";

export class ViewsPanel {
  readonly #app: AppContext;
  readonly #host: HTMLElement;
  readonly #store = new ViewStore(window.localStorage);
  #name = "";
  #message = "";

  constructor(host: HTMLElement, app: AppContext) {
    this.#host = host;
    this.#app = app;
  }

  render(): void {
    render(this.#template(), this.#host);
  }

  #save(event: Event): void {
    event.preventDefault();
    const name = this.#name.trim();
    if (!name) {
      this.#message = "Give the view a name first.";
      this.render();
      return;
    }
    const snapshot = this.#app.canvas.snapshot();
    const view: SavedView = {
      name,
      savedAt: new Date().toISOString(),
      state: serializeViewState(this.#app.view),
      nodes: snapshot.nodes.map(({ data, position }) => ({ data, position })),
      edges: snapshot.edges,
    };
    try {
      this.#store.save(view);
      this.#message = `Saved “${name}” in this browser.`;
      this.#name = "";
    } catch (error) {
      this.#message = `Could not save: ${errorMessage(error)}`;
    }
    this.render();
  }

  #restore(view: SavedView): void {
    this.#app.canvas.restore(view);
    this.#app.setView({ ...savedViewState(view), panel: "views" }, { keepCanvas: true });
    this.#message = `Restored “${view.name}”.`;
    this.render();
  }

  async #import(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const count = this.#store.importFile(await file.text());
      this.#message = `Imported ${count} view${count === 1 ? "" : "s"}.`;
    } catch (error) {
      this.#message = errorMessage(error);
    }
    input.value = "";
    this.render();
  }

  #template(): TemplateResult {
    const views = this.#store.list();
    return html`<form class="save-view" @submit=${(event: Event) => this.#save(event)}>
        <label class="field-label" for="view-name">Save the current view as</label>
        <div class="row">
          <input id="view-name" type="text" .value=${live(this.#name)} placeholder="e.g. Foreign ministers" @input=${(event: Event) => (this.#name = (event.target as HTMLInputElement).value)} />
          <button type="submit">Save</button>
        </div>
      </form>
      <p class="muted" role="status">${this.#message}</p>
      <h3>Saved in this browser</h3>
      ${views.length === 0 ? html`<p class="empty">No saved views yet. Arrange the canvas, then save it above.</p>` : html``}
      <ul class="saved-views">
        ${views.map(
          (view) => html`<li>
            <span><strong>${view.name}</strong> <span class="muted">${view.nodes.length} nodes · ${new Date(view.savedAt).toLocaleString()}</span></span>
            <span class="row">
              <button type="button" @click=${() => this.#restore(view)}>Restore</button>
              <button type="button" @click=${() => download(`${view.name.replace(/[^\w-]+/g, "-")}.liaison-view.json`, JSON.stringify(viewFile([view]), null, 2), "application/json")}>Export</button>
              <button type="button" @click=${() => {
                this.#store.remove(view.name);
                this.render();
              }}>Delete</button>
            </span>
          </li>`,
        )}
      </ul>
      <div class="row">
        <button type="button" ?disabled=${views.length === 0} @click=${() => download("liaison-views.json", JSON.stringify(viewFile(views), null, 2), "application/json")}>Export all to a file</button>
        <label class="button-like">Import a file<input type="file" accept=".json,application/json" class="visually-hidden" @change=${(event: Event) => void this.#import(event)} /></label>
      </div>`;
  }
}
