/**
 * The app: keeps the view state, what is loading and the selection, and wires the canvas, the panels and the page's
 * chrome together. Each of those draws itself (see README's layout); this file decides what happens.
 */
import type { SchemaResponse } from "../common/api-types.js";
import { ApiRequestError, api } from "./api/client.js";
import { exportCanvas } from "./export/canvas.js";
import { nodeDateBounds, timeStops } from "./format/dates.js";
import { GraphCanvas } from "./graph/canvas.js";
import { bindTooltip } from "./graph/tooltip.js";
import { NEW_SOURCE, ReviewScreen } from "./review/review-screen.js";
import { Chrome } from "./shell/chrome.js";
import { element as $ } from "./shell/dom.js";
import { HealthBanner } from "./shell/health.js";
import { bindKeyboard } from "./shell/keyboard.js";
import { PanelFrame } from "./shell/panel-frame.js";
import { Sidebar } from "./sidebar/sidebar.js";
import { type PanelName, UrlState, type ViewState } from "./state/url-state.js";
import { type AppContext, errorMessage } from "./ui/context.js";
import { createPanels, type Panels } from "./ui/panels.js";
import { SearchBox } from "./ui/search-box.js";

export class App implements AppContext {
  readonly canvas: GraphCanvas;
  readonly #url: UrlState;
  schema: SchemaResponse | undefined;
  /** Months the time sliders stop at (see timeStops); every month of the span until the timeline has loaded. */
  #timeStops: number[] | undefined;
  /** Labels of the work shown in the status line, by task number. */
  #pending = new Map<number, string>();
  #nextTask = 0;
  #path: ReadonlySet<string> = new Set();
  #result: ReadonlySet<string> = new Set();
  /** Per node, where its next "Show more" page starts. */
  #nextOffset = new Map<string, number>();
  /** The focus whose neighbourhood the canvas holds or is loading (null: load again whatever the view asks for). */
  #loadedFocus: string | undefined | null = null;
  readonly #panels: Panels;
  readonly #frame: PanelFrame;
  readonly #chrome: Chrome;
  readonly #sidebar: Sidebar;
  readonly #health: HealthBanner;
  readonly #review: ReviewScreen;

  constructor() {
    this.#url = new UrlState(() => this.#onViewChanged());
    const canvasHost = $("#canvas");
    // The canvas takes keyboard focus (Enter expands, Delete hides, n/p step through nodes).
    canvasHost.tabIndex = 0;
    this.canvas = new GraphCanvas(canvasHost, {
      onSelect: (id) => this.select(id),
      onExpand: (id) => void this.expand(id),
      onChange: () => this.render(),
    });
    new SearchBox($("#main-search"), {
      label: "Search",
      placeholder: "Search people, forums, events, claims…",
      role: "searchbox",
      // Passages are reached through what they evidence; listing them here would crowd out the things themselves.
      types: ["Actor", "Forum", "Event", "Claim", "Source"],
      onPick: (hit) => {
        this.setView({ focus: hit.id, selected: hit.id, panel: this.view.panel ?? "details", review: undefined });
      },
    });
    this.#panels = createPanels(this);
    this.#frame = new PanelFrame({
      current: () => this.view.panel,
      // A panel belongs to the graph: asking for one leaves the review screen.
      show: (panel) => this.setView({ panel, review: undefined }),
      render: () => this.render(),
    });
    this.#chrome = new Chrome({
      fit: () => this.canvas.fit(),
      undo: () => void this.canvas.undo(),
      overview: () => this.setView({ focus: undefined, selected: undefined }),
      expand: (id) => void this.expand(id),
      hide: (id) => this.#hide(id),
      openMeetings: () => this.openPanel("meetings"),
    });
    this.#sidebar = new Sidebar($("#sidebar"), $("#sidebar-toggle"), {
      setView: (change, options) => this.setView(change, options),
      relayout: (name) => {
        if (name) this.canvas.layoutName = name;
        this.canvas.relayout({ ...(this.view.selected ? { roots: this.view.selected } : {}) });
      },
      export: (format) => exportCanvas(this.canvas.cy, format),
    });
    this.#health = new HealthBanner($("#banner"), (back) => this.#onHealthChecked(back));
    bindKeyboard(canvasHost, {
      selected: () => this.view.selected,
      isNode: (id) => this.canvas.isNode(id),
      visibleNodes: () => this.canvas.visibleNodesByLabel(),
      expand: (id) => void this.expand(id),
      hide: (id) => this.#hide(id),
      select: (id) => this.select(id),
      undo: () => this.canvas.undo(),
    });
    bindTooltip(this.canvas.cy, $("#tooltip"), canvasHost);
    this.#review = new ReviewScreen($("#review-screen"), this);
    $("#add-source").addEventListener("click", () => this.setView({ review: NEW_SOURCE }));
  }

  get view(): ViewState {
    return this.#url.state;
  }

  async start(): Promise<void> {
    this.#health.start();
    this.render();
    await this.#loadSchema();
    this.#onViewChanged();
  }

  /** The schema (legend totals, date span) and the time sliders' stops; the app still works without them. */
  async #loadSchema(): Promise<void> {
    try {
      this.schema = await this.busy("Loading the schema", api.schema());
    } catch {
      return; // Shown by busy() and the banner.
    }
    const span = this.schema?.dateRange;
    if (!span) return;
    // The months the loader's dates summary lists; only a graph not yet summarised needs the timeline.
    const months = this.schema?.dateStops;
    if (months) {
      this.#timeStops = timeStops(
        months.map((month) => ({ start: month, end: null })),
        span,
      );
      this.render();
      return;
    }
    api
      .timeline({ limit: 5000 })
      .then((timeline) => {
        this.#timeStops = timeStops(
          timeline.entries.map((entry) => entry.date),
          span,
        );
        this.render();
      })
      .catch(() => {
        // The sliders keep stepping month by month.
      });
  }

  setView(change: Partial<ViewState>, options: { replace?: boolean; keepCanvas?: boolean } = {}): void {
    this.#url.update(change, options);
    // The caller has already put this focus's elements on the canvas (a restored view, "Show as graph").
    if (options.keepCanvas) this.#loadedFocus = this.view.focus;
    this.#onViewChanged();
  }

  select(id: string | undefined): void {
    // A selection replaces the console result's highlight.
    this.#result = new Set();
    const panel = id && (!this.view.panel || this.view.panel === "details") ? "details" : this.view.panel;
    this.setView({ selected: id, panel }, { replace: true });
    if (id) this.canvas.focusOn(id);
  }

  /**
   * Adds a node's neighbours to the canvas, nearest first. `more` pages on from where the last
   * "Show more" of that node stopped, so every click brings neighbours not yet fetched.
   */
  async expand(id: string, options: { limit?: number; more?: boolean } = {}): Promise<void> {
    try {
      const offset = options.more ? (this.#nextOffset.get(id) ?? 0) : 0;
      const response = await this.busy(
        "Expanding",
        api.neighbourhood(id, { depth: 1, limit: options.limit ?? 60, ...(offset > 0 ? { offset } : {}) }),
      );
      if (options.more) {
        if (response.nextOffset === null) this.#nextOffset.delete(id);
        else this.#nextOffset.set(id, response.nextOffset);
      }
      const added = this.canvas.add(response.elements, { near: id });
      this.toast(
        added.length > 0
          ? `Added ${added.filter((x) => this.canvas.isNode(x)).length} nodes.`
          : "Everything around it is already shown.",
      );
      this.setView({ selected: id }, { replace: true });
    } catch {
      // busy() showed it.
    }
  }

  /** Removes an element from the canvas (Hide, the Delete key) and clears the selection. */
  #hide(id: string): void {
    this.canvas.remove([id]);
    this.select(undefined);
  }

  focus(id: string): void {
    if (!id) return;
    this.setView({ focus: id, selected: id });
  }

  openPanel(name: PanelName): void {
    this.#frame.open(name);
  }

  setPath(ids: ReadonlySet<string>): void {
    this.#path = ids;
    this.#applyDisplay();
    if (ids.size > 0) this.canvas.fitTo(ids);
  }

  setResult(ids: ReadonlySet<string>): void {
    this.#result = ids;
    this.#applyDisplay();
    if (ids.size > 0) this.canvas.fitTo(ids);
  }

  async busy<T>(label: string, work: Promise<T>): Promise<T> {
    const task = this.#nextTask++;
    this.#pending.set(task, label);
    this.#renderStatus();
    try {
      return await work;
    } catch (error) {
      this.showError(error);
      throw error;
    } finally {
      this.#pending.delete(task);
      this.#renderStatus();
    }
  }

  showError(error: unknown): void {
    if (error instanceof ApiRequestError && (error.code === "UNAVAILABLE" || error.code === "NETWORK")) {
      // When the database is down the banner says so; a toast per failed request would only repeat it.
      void this.#health.check().then(() => {
        if (this.#health.ok) this.toast(errorMessage(error), true);
      });
      return;
    }
    this.toast(errorMessage(error), true);
  }

  toast(message: string, isError = false): void {
    this.#chrome.toast(message, isError);
  }

  /** A commit added to the graph: its counts, date span and the view on the canvas are read again. */
  graphChanged(): void {
    void this.#loadSchema();
    this.#loadedFocus = null;
    this.#onViewChanged();
  }

  /** After each health check: when the database is back, load what could not load while it was away. */
  async #onHealthChecked(back: boolean): Promise<void> {
    if (!back) {
      this.#renderStatus();
      return;
    }
    if (!this.schema) await this.#loadSchema();
    this.#loadedFocus = null;
    this.#onViewChanged();
  }

  /** Loads what the view asks for (the focus's neighbourhood or the overview), then redraws. */
  #onViewChanged(): void {
    const focus = this.view.focus;
    if (focus !== this.#loadedFocus) {
      this.#loadedFocus = focus;
      void this.#loadFocus(focus);
    }
    this.render();
  }

  async #loadFocus(focus: string | undefined): Promise<void> {
    try {
      const response = focus
        ? await this.busy("Loading the neighbourhood", api.neighbourhood(focus, { depth: 1, limit: 80 }))
        : await this.busy("Loading the overview", api.meetingNetwork());
      if (this.#loadedFocus !== focus) return;
      this.canvas.replace(response.elements);
      this.render();
      if (this.view.selected) this.canvas.focusOn(this.view.selected);
    } catch {
      this.render();
    }
  }

  #applyDisplay(): void {
    this.canvas.applyDisplay({
      selected: this.view.selected,
      hiddenTypes: this.view.hiddenTypes,
      hiddenRels: this.view.hiddenRels,
      range: { from: this.view.from, to: this.view.to },
      path: this.#path,
      result: this.#result,
    });
  }

  /** Redraws everything that depends on the app's state. */
  render(): void {
    this.#applyDisplay();
    const panel = this.view.panel;
    this.#frame.render(panel);
    if (panel) this.#panels[panel].render();
    const cy = this.canvas.cy;
    this.#sidebar.render({
      view: this.view,
      schema: this.schema,
      timeStops: this.#timeStops,
      nodes: cy.nodes().map((node) => ({
        type: String(node.data("type")),
        hidden: node.hasClass("hidden"),
        dated: nodeDateBounds(node.data()) !== null,
      })),
      edgeTypes: new Set(cy.edges().map((edge) => String(edge.data("type")))),
      layout: this.canvas.layoutName,
    });
    const selected = this.view.selected;
    this.#chrome.renderToolbar({
      canUndo: this.canvas.canUndo,
      selectedNode: selected && this.canvas.isNode(selected) ? selected : undefined,
    });
    const focus = this.view.focus;
    this.#chrome.renderCaption(focus ? String(this.canvas.data(focus)?.label ?? focus) : undefined);
    this.#renderStatus();
    this.#review.render();
  }

  #renderStatus(): void {
    const visible = this.canvas.cy.elements().not(".hidden");
    this.#chrome.renderStatus({
      loading: [...this.#pending.values()],
      nodes: visible.nodes().length,
      edges: visible.edges().length,
      total: this.canvas.size,
      databaseAnswers: this.#health.ok,
    });
  }
}
