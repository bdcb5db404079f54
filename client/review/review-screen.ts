/**
 * The review screen (`?review=<draft id>`, or `?review=new` to add a source): the article with its proposals, the
 * list, the current proposal's card, keys, selections and the preview. It draws over the graph, which stays loaded.
 */
import { html, nothing, render, type TemplateResult } from "lit-html";
import type { DecisionInput, DraftResponse, SearchHit } from "../../common/api-types.js";
import { draftsApi } from "../api/drafts.js";
import type { ViewState } from "../state/url-state.js";
import { SearchBox } from "../ui/search-box.js";
import { initialValues } from "./edit-defaults.js";
import { IntakeForm } from "./intake-form.js";
import { reviewCommand } from "./keys.js";
import { exactMatches, meetingPair, nextUnreviewed } from "./model.js";
import { helpTemplate, popoverTemplate } from "./overlays.js";
import { previewTemplate } from "./preview-view.js";
import { cardTemplate } from "./proposal-editor.js";
import { itemDomId, proposalListTemplate } from "./proposal-list.js";
import { committedNote, frameTemplate, toolsTemplate } from "./review-head.js";
import { ReviewSession } from "./review-session.js";
import { placeSelection } from "./selection.js";
import { articleTemplate } from "./text-view.js";

/** What the screen may ask of the app. */
export interface ReviewHost {
  readonly view: ViewState;
  setView(change: Partial<ViewState>): void;
  showError(error: unknown): void;
  toast(message: string): void;
  /** A commit changed the graph: the schema, time range and canvas are read again. */
  graphChanged(): void;
}

/** The draft value of `?review=` that opens "Add a source" instead of a draft. */
export const NEW_SOURCE = "new";

export class ReviewScreen {
  readonly #host: HTMLElement;
  readonly #app: ReviewHost;
  readonly #intake: IntakeForm;
  /** The draft under review; null while "Add a source" shows. */
  #session: ReviewSession | undefined | null;
  #index = 0;
  #editing = false;
  #help = false;
  #stage: "review" | "preview" = "review";
  #popover: { start: number; end: number; x: number; y: number } | undefined;
  /** The item last scrolled into view, so a redraw does not scroll again. */
  #scrolled: string | undefined;
  readonly #linkHost = document.createElement("div");

  constructor(host: HTMLElement, app: ReviewHost) {
    this.#host = host;
    this.#app = app;
    this.#intake = new IntakeForm(
      () => this.render(),
      (draft) => this.#open(draft),
    );
    const linkBox = new SearchBox(this.#linkHost, {
      label: "Link to another node",
      placeholder: "Search the graph…",
      types: ["Actor", "Forum", "Event"],
      role: "combobox",
      visibleLabel: true,
      onPick: (hit: SearchHit) => {
        this.#session?.names.set(hit.id, hit.label);
        // The box serves the next proposal too: it starts empty there.
        linkBox.value = "";
        this.#decide({ action: "accept", entity: hit.id }, { advance: true });
      },
    });
    document.addEventListener("keydown", (event) => this.#onKey(event));
    window.addEventListener("resize", () => {
      if (!this.#host.hidden) this.render();
    });
  }

  get #current() {
    return this.#session?.items[this.#index];
  }

  /** Opens a new draft (just created, so its response is reused) or one from the list (by id). */
  #open(draft: DraftResponse | string): void {
    const id = typeof draft === "string" ? draft : draft.id;
    if (typeof draft !== "string") this.#startSession(id, draft);
    this.#app.setView({ review: id });
  }

  #startSession(draftId: string, known?: DraftResponse): void {
    const session = new ReviewSession(
      draftId,
      () => this.render(),
      (error) => this.#app.showError(error),
    );
    this.#session = session;
    this.#index = 0;
    this.#stage = "review";
    this.#editing = false;
    this.#popover = undefined;
    void session.load(known);
  }

  #move(index: number): void {
    const count = this.#session?.items.length ?? 0;
    if (count === 0) return;
    this.#index = Math.max(0, Math.min(count - 1, index));
    this.#editing = false;
    this.render();
  }

  #decide(input: Omit<DecisionInput, "proposal">, options: { advance?: boolean } = {}): void {
    const session = this.#session;
    const item = this.#current;
    if (!session || !item) return;
    const field = this.#host.querySelector<HTMLInputElement>("#decision-note");
    const note = field?.value.trim() ?? "";
    if (field) field.value = "";
    void session.decide([{ proposal: item.id, ...input, ...(note ? { note } : {}) }]);
    this.#editing = false;
    if (options.advance) {
      // Counts the decision as made, so that the next unreviewed is another item.
      this.#index = nextUnreviewed(session.items, new Set([...session.decisions.keys(), item.id]), this.#index);
    }
    this.render();
  }

  #acceptExact(): void {
    const session = this.#session;
    if (!session) return;
    const ids = exactMatches(session.items, session.decisions);
    void session.decide(ids.map((proposal) => ({ proposal, action: "accept" as const })));
    this.#app.toast(`Accepting ${ids.length} exact matches.`);
  }

  async #undo(): Promise<void> {
    const item = await this.#session?.undo();
    if (!item) return this.#app.toast("Nothing to undo.");
    const index = this.#session?.items.findIndex((each) => each.id === item) ?? -1;
    if (index >= 0) this.#move(index);
  }

  async #createSelection(kind: "claim" | "event", words: string): Promise<void> {
    const session = this.#session;
    const span = this.#popover;
    if (!session || !span) return;
    this.#popover = undefined;
    window.getSelection()?.removeAllRanges();
    const fields = words ? (kind === "claim" ? { claimText: words } : { name: words }) : {};
    const id = await session.select({ kind, start: span.start, end: span.end, ...fields });
    const index = session.items.findIndex((item) => item.id === id);
    if (index >= 0) this.#move(index);
  }

  /** After a mouse-up in the article: a non-empty selection opens the popover beside it. */
  #onSelect(article: HTMLElement): void {
    const placed = placeSelection(article, this.#session?.draft?.text ?? "");
    if (!placed) return;
    this.#popover = placed;
    this.render();
    this.#host.querySelector<HTMLInputElement>(".selection-popover input")?.focus();
  }

  #onKey(event: KeyboardEvent): void {
    if (!this.#session || this.#host.hidden || this.#stage !== "review") return;
    const command = reviewCommand(event, event.target as Element | null);
    if (!command) return;
    event.preventDefault();
    if (command === "next") this.#move(this.#index + 1);
    else if (command === "previous") this.#move(this.#index - 1);
    else if (command === "accept") this.#decide({ action: "accept" }, { advance: true });
    else if (command === "reject") this.#decide({ action: "reject" }, { advance: true });
    else if (command === "unsure") this.#decide({ action: "unsure" });
    else if (command === "edit") {
      this.#editing = !this.#editing;
      this.render();
      this.#host.querySelector<HTMLElement>(".card-editor input, .card-editor select, .card-editor textarea")?.focus();
    } else if (command === "undo") void this.#undo();
    else if (command === "help") {
      this.#help = !this.#help;
      this.render();
    } else if (command === "close") {
      this.#help = false;
      this.#popover = undefined;
      this.#editing = false;
      this.render();
      this.#host.querySelector<HTMLElement>(".proposal-list")?.focus();
    }
  }

  /** Draws what `?review=` asks for (nothing when it is not set). */
  render(): void {
    const wanted = this.#app.view.review;
    this.#host.hidden = !wanted;
    // What the screen covers is out of reach of Tab and screen readers while it shows.
    document.querySelector(".layout")?.toggleAttribute("inert", Boolean(wanted));
    // Under the top bar, which wraps to two or three rows on a phone.
    this.#host.style.top = `${document.querySelector(".topbar")?.getBoundingClientRect().bottom ?? 56}px`;
    if (!wanted) {
      // Coming back reads the draft again: someone may have changed it meanwhile.
      this.#session = undefined;
      render(nothing, this.#host);
      return;
    }
    if (wanted === NEW_SOURCE) {
      // The list of drafts is read each time the screen opens.
      if (this.#session !== null) void this.#intake.refresh();
      this.#session = null;
      render(this.#frame(html`<h2>Add a source</h2>`, this.#intake.template()), this.#host);
      return;
    }
    if (this.#session?.draftId !== wanted) this.#startSession(wanted);
    render(this.#reviewTemplate(), this.#host);
    this.#scrollToCurrent();
  }

  #frame(title: TemplateResult, body: TemplateResult, tools?: TemplateResult): TemplateResult {
    return frameTemplate(() => this.#app.setView({ review: undefined }), title, body, tools);
  }

  #reviewTemplate(): TemplateResult {
    const session = this.#session;
    const draft = session?.draft;
    if (!session || !draft) {
      const message = session?.error
        ? html`<p class="error" role="alert">${session.error}</p>`
        : html`<p class="muted">Loading the draft…</p>`;
      return this.#frame(html`<h2>Review</h2>`, message);
    }
    const tools = toolsTemplate({
      progress: session.progress,
      exact: exactMatches(session.items, session.decisions).length,
      canPreview: this.#stage === "review",
      helpShown: this.#help,
      acceptExact: () => this.#acceptExact(),
      preview: () => {
        this.#stage = "preview";
        void session.loadPreview();
      },
      toggleHelp: () => {
        this.#help = !this.#help;
        this.render();
      },
    });
    const title = html`<h2 class="review-title">${draft.title ?? "Untitled draft"}</h2>`;
    const body =
      this.#stage === "preview"
        ? this.#previewBody(session)
        : html`${session.error ? html`<p class="error" role="alert">${session.error}</p>` : nothing}
          ${committedNote(session.review?.committed ?? null)}
          <div class="review-columns">${this.#articleTemplate(session)}${this.#sideTemplate(session)}</div>`;
    return html`${this.#frame(title, body, tools)}
      ${
        this.#help
          ? helpTemplate(() => {
              this.#help = false;
              this.render();
            })
          : nothing
      }`;
  }

  #articleTemplate(session: ReviewSession): TemplateResult {
    const draft = session.draft as DraftResponse;
    const popover = this.#popover;
    return articleTemplate({
      draft,
      items: session.items,
      decisions: session.decisions,
      current: this.#current?.id,
      onPick: (id) => this.#move(session.items.findIndex((item) => item.id === id)),
      onMouseUp: (article) => this.#onSelect(article),
      overlay: popover
        ? popoverTemplate({
            text: draft.text.slice(popover.start, popover.end),
            x: popover.x,
            y: popover.y,
            create: (kind, words) => void this.#createSelection(kind, words),
            close: () => {
              this.#popover = undefined;
              this.render();
            },
          })
        : nothing,
    });
  }

  #sideTemplate(session: ReviewSession): TemplateResult {
    const item = this.#current;
    const lookup = {
      item: (id: string) => session.items.find((each) => each.id === id),
      decision: (id: string) => session.decisions.get(id),
    };
    return html`<section class="review-side" aria-label="Proposals">
      ${
        item
          ? html`<div class="review-card" aria-label="The current proposal">${cardTemplate({
              item,
              decision: session.decisions.get(item.id),
              names: session.names,
              editing: this.#editing,
              initial: initialValues(item, lookup),
              linkHost: this.#linkHost,
              decide: (input, options) => this.#decide(input, options),
              toggleEdit: () => {
                this.#editing = !this.#editing;
                this.render();
              },
              removeSelection: () => void session.unselect(item.id),
            })}</div>`
          : nothing
      }
      ${proposalListTemplate({
        items: session.items,
        decisions: session.decisions,
        current: item?.id,
        names: session.names,
        onPick: (id) => this.#move(session.items.findIndex((each) => each.id === id)),
      })}
    </section>`;
  }

  #previewBody(session: ReviewSession): TemplateResult {
    const preview = session.preview;
    const meeting = meetingPair(
      session.items,
      session.decisions,
      preview?.adds.events[0]?.proposal ?? preview?.evidence[0]?.proposal,
    );
    return previewTemplate({
      preview: session.preview,
      loading: session.previewLoading,
      error: session.previewError,
      committed: session.committed,
      committing: session.committing,
      datasetUrl: draftsApi.datasetUrl(session.draftId),
      commit: () =>
        void session.commit().then(() => {
          if (session.committed) this.#app.graphChanged();
        }),
      back: () => {
        this.#stage = "review";
        this.render();
      },
      show: (id) => this.#app.setView({ review: undefined, focus: id, selected: id, panel: "details" }),
      showMeetings: () =>
        meeting &&
        this.#app.setView({
          review: undefined,
          panel: "meetings",
          actor: meeting[0],
          with: meeting[1],
          forum: undefined,
        }),
      canShowMeetings: meeting !== undefined,
    });
  }

  #scrollToCurrent(): void {
    const current = this.#current?.id;
    if (!current || current === this.#scrolled) return;
    this.#scrolled = current;
    this.#host.querySelector("[data-current-start]")?.scrollIntoView({ block: "nearest" });
    this.#host.querySelector(`#${itemDomId(current)}`)?.scrollIntoView({ block: "nearest" });
  }
}
