/** "Add source": paste text, upload a file or give a URL, with optional metadata; and the drafts already brought in. */
import { html, nothing, type TemplateResult } from "lit-html";
import type { DraftListResponse, DraftResponse } from "../../common/api-types.js";
import { draftsApi, type SourceInput, type SourceMetadata } from "../api/drafts.js";
import { errorMessage } from "../ui/context.js";

type Mode = "text" | "file" | "url";

const METADATA: readonly { name: keyof SourceMetadata; label: string; type: string; placeholder: string }[] = [
  { name: "title", label: "Title", type: "text", placeholder: "as the document says" },
  { name: "author", label: "Author", type: "text", placeholder: "" },
  { name: "publisher", label: "Publisher", type: "text", placeholder: "" },
  { name: "publishedAt", label: "Published", type: "date", placeholder: "" },
  { name: "sourceUrl", label: "Published at (URL)", type: "url", placeholder: "https://…" },
];

export class IntakeForm {
  #mode: Mode = "text";
  #error = "";
  #submitting = false;
  #drafts: DraftListResponse | undefined;
  #draftsError = "";
  readonly #rerender: () => void;
  readonly #opened: (draft: DraftResponse | string) => void;

  /** `opened` gets the new draft after a submit, or a draft's id picked from the list. */
  constructor(rerender: () => void, opened: (draft: DraftResponse | string) => void) {
    this.#rerender = rerender;
    this.#opened = opened;
  }

  /** Loads the list of drafts (again). */
  async refresh(): Promise<void> {
    try {
      this.#drafts = await draftsApi.list({ limit: 50 });
      this.#draftsError = "";
    } catch (error) {
      this.#draftsError = errorMessage(error);
    }
    this.#rerender();
  }

  /** Deletes a draft and its review after the user confirms; what a commit loaded stays in the graph. */
  async #delete(draft: DraftListResponse["drafts"][number]): Promise<void> {
    const title = draft.title ?? draft.id;
    if (
      !window.confirm(
        `Delete the draft “${title}” and its review? A dataset already committed from it stays in the graph.`,
      )
    )
      return;
    try {
      await draftsApi.remove(draft.id);
    } catch (error) {
      this.#draftsError = errorMessage(error);
    }
    await this.refresh();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === "string" ? entry : "";
    };
    const metadata = Object.fromEntries(METADATA.map((field) => [field.name, value(field.name)])) as SourceMetadata;
    let source: SourceInput;
    if (this.#mode === "file") {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) return this.#fail("Choose a .txt, .html or .pdf file.");
      source = { file };
    } else if (this.#mode === "url") {
      if (!value("url").trim()) return this.#fail("Give the URL of the article.");
      source = { url: value("url").trim() };
    } else {
      // Empty text goes to the server too: its message (SOURCE_EMPTY) is the one to show.
      source = { text: value("text") };
    }
    this.#submitting = true;
    this.#error = "";
    this.#rerender();
    try {
      const draft = await draftsApi.create(source, metadata);
      this.#opened(draft);
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#submitting = false;
      this.#rerender();
    }
  }

  #fail(message: string): void {
    this.#error = message;
    this.#rerender();
  }

  #modeButton(mode: Mode, label: string): TemplateResult {
    return html`<button type="button" role="tab" aria-selected=${this.#mode === mode ? "true" : "false"}
      class=${this.#mode === mode ? "tab active" : "tab"} @click=${() => {
        this.#mode = mode;
        this.#error = "";
        this.#rerender();
      }}>${label}</button>`;
  }

  template(): TemplateResult {
    const mode = this.#mode;
    return html`<div class="intake">
      <section class="intake-form" aria-label="Add a source">
        <p class="hint">Bring an article in; the server proposes actors, forums, places, dates, quantities, statements and meetings for you to review. Nothing enters the graph until you commit.</p>
        <div class="row" role="tablist" aria-label="How to bring it in">
          ${this.#modeButton("text", "Paste text")} ${this.#modeButton("file", "Upload a file")} ${this.#modeButton("url", "From a URL")}
        </div>
        <form @submit=${(event: SubmitEvent) => void this.#submit(event)}>
          ${
            mode === "text"
              ? html`<label class="field" for="intake-text"><span class="field-label">The article's text</span>
                <textarea id="intake-text" name="text" rows="12" placeholder="Paste the article here…"></textarea></label>`
              : mode === "file"
                ? html`<label class="field" for="intake-file"><span class="field-label">A .txt, .html or .pdf file</span>
                  <input id="intake-file" name="file" type="file" accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" /></label>`
                : html`<label class="field" for="intake-url"><span class="field-label">The article's URL</span>
                  <input id="intake-url" name="url" type="url" placeholder="https://…" /></label>`
          }
          <details class="metadata"><summary>Title, author, publisher, date (optional: they override what the document says)</summary>
            <div class="metadata-grid">
              ${METADATA.map(
                (
                  field,
                ) => html`<label class="field" for=${`intake-${field.name}`}><span class="field-label">${field.label}</span>
                  <input id=${`intake-${field.name}`} name=${field.name} type=${field.type} placeholder=${field.placeholder} /></label>`,
              )}
            </div>
          </details>
          ${this.#error ? html`<p class="error" role="alert">${this.#error}</p>` : nothing}
          <button type="submit" class="primary" ?disabled=${this.#submitting}>${this.#submitting ? "Reading and extracting…" : "Extract proposals"}</button>
        </form>
      </section>
      <section class="drafts" aria-labelledby="drafts-title">
        <h2 id="drafts-title">Drafts</h2>
        ${this.#draftsError ? html`<p class="error" role="alert">${this.#draftsError}</p>` : nothing}
        ${
          !this.#drafts
            ? html`<p class="muted">Loading…</p>`
            : this.#drafts.drafts.length === 0
              ? html`<p class="muted">No drafts yet.</p>`
              : html`<ul class="plain draft-list">${this.#drafts.drafts.map(
                  (
                    draft,
                  ) => html`<li><button type="button" class="link" @click=${() => this.#opened(draft.id)}>${draft.title ?? "(untitled)"}</button>
                    <span class="small muted">${draft.createdAt.slice(0, 16).replace("T", " ")} · ${draft.characters} characters ·
                    ${draft.proposalCount ?? 0} proposals${draft.knownSource ? " · already in the graph" : ""}</span>
                    <button type="button" class="small" aria-label=${`Delete the draft ${draft.title ?? draft.id}`}
                      @click=${() => this.#delete(draft)}>Delete</button></li>`,
                )}</ul>
                ${this.#drafts.total > this.#drafts.drafts.length ? html`<p class="small muted">The newest ${this.#drafts.drafts.length} of ${this.#drafts.total}.</p>` : nothing}`
        }
      </section>
    </div>`;
  }
}
