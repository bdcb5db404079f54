/** The app: owns the view state, the canvas and the panels, and wires them together. */
import { html, nothing, render } from "lit-html";
import { NODE_TYPES, type SchemaResponse } from "../common/api-types.js";
import { ApiRequestError, api } from "./api/client.js";
import { download } from "./export/csv.js";
import { formatDate, monthIndex, monthIso, monthLabel, nodeDate, stopIndex, timeStops } from "./format/dates.js";
import { GraphCanvas } from "./graph/canvas.js";
import { visibleCounts } from "./graph/display-classes.js";
import { LAYOUT_LABELS, LAYOUTS, type LayoutName } from "./graph/layouts.js";
import { NODE_STYLES, nodeStyle, relColor } from "./graph/style.js";
import { PANELS, type PanelName, UrlState, type ViewState } from "./state/url-state.js";
import { ConsolePanel } from "./ui/console-panel.js";
import { type AppContext, errorMessage } from "./ui/context.js";
import { DetailsPanel } from "./ui/details-panel.js";
import { MeetingsPanel } from "./ui/meetings-panel.js";
import { PathsPanel } from "./ui/paths-panel.js";
import { SearchBox } from "./ui/search-box.js";
import { ViewsPanel } from "./ui/views-panel.js";

const PANEL_TITLES: Record<PanelName, string> = {
  details: "Details",
  meetings: "Who met whom",
  paths: "Paths",
  console: "Cypher console",
  views: "Saved views",
};

const $ = <T extends HTMLElement = HTMLElement>(selector: string) => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`app: the page has no ${selector}.`);
  return element;
};

export class App implements AppContext {
  readonly canvas: GraphCanvas;
  readonly #url: UrlState;
  schema: SchemaResponse | undefined;
  /** Months the time sliders stop at (see timeStops); every month of the span until the timeline has loaded. */
  #timeStops: number[] | undefined;
  #pending = new Map<number, string>();
  #nextTask = 0;
  #path: ReadonlySet<string> = new Set();
  #result: ReadonlySet<string> = new Set();
  #loadedFocus: string | undefined | null = null;
  #health: { ok: boolean; message: string } = { ok: true, message: "" };
  #sidebarOpen = false;
  /** On a phone the panel is a bottom sheet; folded, only its header shows and the graph takes the screen. */
  #panelFolded = false;
  #toastTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #details: DetailsPanel;
  readonly #meetings: MeetingsPanel;
  readonly #paths: PathsPanel;
  readonly #console: ConsolePanel;
  readonly #views: ViewsPanel;

  constructor() {
    this.#url = new UrlState(() => this.#onViewChanged());
    // The canvas takes keyboard focus (Enter expands, Delete hides, n/p step through nodes).
    $("#canvas").tabIndex = 0;
    this.canvas = new GraphCanvas($("#canvas"), {
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
        this.setView({ focus: hit.id, selected: hit.id, panel: this.view.panel ?? "details" });
      },
    });
    this.#details = new DetailsPanel($("#details-body"), this);
    this.#meetings = new MeetingsPanel(
      { actor: $("#meetings-actor"), with: $("#meetings-with"), body: $("#meetings-body") },
      this,
    );
    this.#paths = new PathsPanel({ from: $("#paths-from"), to: $("#paths-to"), body: $("#paths-body") }, this);
    this.#console = new ConsolePanel({ editor: $("#console-editor"), body: $("#console-body") }, this);
    this.#views = new ViewsPanel($("#views-body"), this);
    this.#wireChrome();
    this.#wireTooltip();
    // For browser tests and the curious: the Cytoscape instance.
    (window as unknown as { liaison: unknown }).liaison = { cy: this.canvas.cy, app: this };
  }

  get view(): ViewState {
    return this.#url.state;
  }

  async start(): Promise<void> {
    void this.#checkHealth();
    setInterval(() => void this.#checkHealth(), 30_000);
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

  async expand(id: string, options: { limit?: number } = {}): Promise<void> {
    try {
      const response = await this.busy("Expanding", api.neighbourhood(id, { depth: 1, limit: options.limit ?? 60 }));
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

  focus(id: string): void {
    if (!id) return;
    this.setView({ focus: id, selected: id });
  }

  openPanel(name: PanelName): void {
    this.#panelFolded = false;
    this.setView({ panel: name });
    const body = document.querySelector<HTMLElement>(`[data-panel="${name}"]`);
    body?.querySelector<HTMLElement>("input, textarea, button, [tabindex]")?.focus({ preventScroll: true });
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
      void this.#checkHealth().then(() => {
        if (this.#health.ok) this.toast(errorMessage(error), true);
      });
      return;
    }
    this.toast(errorMessage(error), true);
  }

  toast(message: string, isError = false): void {
    const toast = $("#toast");
    toast.textContent = message;
    toast.hidden = false;
    toast.classList.toggle("error", isError);
    clearTimeout(this.#toastTimer);
    this.#toastTimer = setTimeout(() => (toast.hidden = true), isError ? 8_000 : 3_000);
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
      if (focus) {
        const response = await this.busy(
          "Loading the neighbourhood",
          api.neighbourhood(focus, { depth: 1, limit: 80 }),
        );
        if (this.#loadedFocus !== focus) return;
        this.canvas.replace(response.elements);
      } else {
        const response = await this.busy("Loading the overview", api.meetingNetwork());
        if (this.#loadedFocus !== focus) return;
        this.canvas.replace(response.elements);
      }
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

  render(): void {
    this.#applyDisplay();
    const panel = this.view.panel;
    const panelEl = $("#panel");
    panelEl.hidden = !panel;
    document.body.classList.toggle("panel-open", Boolean(panel));
    $("#panel-title").textContent = panel ? PANEL_TITLES[panel] : "";
    document.body.classList.toggle("panel-folded", this.#panelFolded);
    const fold = $("#panel-toggle");
    fold.setAttribute("aria-expanded", String(!this.#panelFolded));
    fold.title = this.#panelFolded ? "Unfold the panel" : "Fold the panel down to give the graph the screen";
    fold.textContent = this.#panelFolded ? "▴" : "▾";
    for (const body of document.querySelectorAll<HTMLElement>("[data-panel]"))
      body.hidden = body.dataset.panel !== panel;
    for (const tab of document.querySelectorAll<HTMLElement>("[data-open-panel]")) {
      tab.setAttribute("aria-pressed", String(tab.dataset.openPanel === panel));
    }
    if (panel === "details") this.#details.render();
    if (panel === "meetings") this.#meetings.render();
    if (panel === "paths") this.#paths.render();
    if (panel === "console") this.#console.render();
    if (panel === "views") this.#views.render();
    this.#renderSidebar();
    this.#renderToolbar();
    this.#renderCaption();
    this.#renderStatus();
  }

  #renderSidebar(): void {
    const view = this.view;
    const schema = this.schema;
    const counts = visibleCounts(
      {
        nodes: this.canvas.cy.nodes().map((n) => ({ id: n.id(), type: String(n.data("type")), data: n.data() })),
        edges: [],
      },
      new Map(this.canvas.cy.nodes(".hidden").map((n) => [n.id(), ["hidden" as const]])),
    );
    const totals = new Map((schema?.labels ?? []).map((label) => [label.name, label.count]));
    const rels = (schema?.relationshipTypes ?? []).map((rel) => rel.name);
    const onCanvasRels = new Set(this.canvas.cy.edges().map((edge) => String(edge.data("type"))));
    for (const rel of onCanvasRels) if (!rels.includes(rel)) rels.push(rel);
    const span = schema?.dateRange;
    const min = span ? monthIndex(span.start) : 0;
    const max = span ? monthIndex(span.end) : 0;
    const stops = this.#timeStops ?? Array.from({ length: max - min + 1 }, (_, index) => min + index);
    const last = stops.length - 1;
    const fromIndex = view.from ? stopIndex(stops, monthIndex(view.from), "from") : 0;
    const toIndex = view.to ? stopIndex(stops, monthIndex(view.to), "to") : last;
    const fromLabel = monthLabel(view.from ? Math.max(min, monthIndex(view.from)) : min);
    const toLabel = monthLabel(view.to ? Math.min(max, monthIndex(view.to)) : max);
    const toggleType = (type: string) => {
      const hidden = new Set<string>(view.hiddenTypes);
      if (hidden.has(type)) hidden.delete(type);
      else hidden.add(type);
      this.setView({ hiddenTypes: NODE_TYPES.filter((t) => hidden.has(t)) });
    };
    const toggleRel = (rel: string) => {
      const hidden = new Set(view.hiddenRels);
      if (hidden.has(rel)) hidden.delete(rel);
      else hidden.add(rel);
      this.setView({ hiddenRels: [...hidden] });
    };
    const hiddenByTime = this.canvas.cy.nodes().filter((node) => {
      if (!node.hasClass("hidden") || view.hiddenTypes.includes(node.data("type"))) return false;
      return Boolean(nodeDate(node.data()));
    }).length;
    render(
      html`<div class="sidebar-inner">
        <section aria-labelledby="legend-title">
          <h2 id="legend-title">Node types</h2>
          <p class="muted small">Shown on the canvas / in the database. Untick to hide.</p>
          <ul class="legend">
            ${NODE_TYPES.map((type) => {
              const style = NODE_STYLES[type];
              return html`<li>
                <label title=${style.description}>
                  <input type="checkbox" .checked=${!view.hiddenTypes.includes(type)} @change=${() => toggleType(type)} />
                  <span class="swatch shape-${style.shape}" style=${`background:${style.color}`} aria-hidden="true"></span>
                  <span class="legend-name">${type}</span>
                  <span class="legend-count">${counts[type] ?? 0}${totals.has(type) ? ` / ${totals.get(type)}` : ""}</span>
                </label>
              </li>`;
            })}
          </ul>
        </section>
        <section aria-labelledby="rels-title">
          <details ?open=${view.hiddenRels.length > 0}>
            <summary><h2 id="rels-title" class="inline">Relationship types</h2></summary>
            <ul class="legend">
              ${rels.map(
                (rel) => html`<li>
                  <label>
                    <input type="checkbox" .checked=${!view.hiddenRels.includes(rel)} @change=${() => toggleRel(rel)} />
                    <span class="line-swatch" style=${`background:${relColor(rel)}`} aria-hidden="true"></span>
                    <span class="legend-name">${rel.toLowerCase().replaceAll("_", " ")}</span>
                  </label>
                </li>`,
              )}
            </ul>
          </details>
        </section>
        <section aria-labelledby="time-title" class="time">
          <h2 id="time-title">Time range</h2>
          ${
            span
              ? html`<p class="range-text" aria-live="polite">${fromLabel} – ${toLabel}</p>
                <label class="field-label" for="range-from">From</label>
                <input id="range-from" type="range" min="0" max=${last} .value=${String(fromIndex)} aria-valuetext=${fromLabel}
                  @input=${(event: Event) => {
                    const index = Math.min(Number((event.target as HTMLInputElement).value), toIndex);
                    const month = stops[index];
                    this.setView(
                      { from: index <= 0 || month === undefined ? undefined : monthIso(month) },
                      { replace: true },
                    );
                  }} />
                <label class="field-label" for="range-to">To</label>
                <input id="range-to" type="range" min="0" max=${last} .value=${String(toIndex)} aria-valuetext=${toLabel}
                  @input=${(event: Event) => {
                    const index = Math.max(Number((event.target as HTMLInputElement).value), fromIndex);
                    const month = stops[index];
                    this.setView(
                      { to: index >= last || month === undefined ? undefined : monthIso(month) },
                      { replace: true },
                    );
                  }} />
                <p class="muted small">
                  ${hiddenByTime > 0 ? `${hiddenByTime} dated node${hiddenByTime === 1 ? "" : "s"} outside the range hidden. ` : ""}Data spans ${formatDate({ start: span.start, end: span.end, precision: "month", text: "" })}; each step is a month in which something dated begins or ends.
                </p>
                ${view.from || view.to ? html`<button type="button" @click=${() => this.setView({ from: undefined, to: undefined })}>Whole span</button>` : nothing}`
              : html`<p class="muted small">${schema ? "No dated events yet." : "Shown once the database answers."}</p>`
          }
        </section>
        <section aria-labelledby="layout-title">
          <h2 id="layout-title">Layout</h2>
          <label class="field-label" for="layout-select">Arrange by</label>
          <div class="row">
            <select id="layout-select" @change=${(event: Event) => {
              this.canvas.layoutName = (event.target as HTMLSelectElement).value as LayoutName;
              this.canvas.relayout({ ...(view.selected ? { roots: view.selected } : {}) });
            }}>
              ${LAYOUTS.map((name) => html`<option value=${name} ?selected=${this.canvas.layoutName === name}>${LAYOUT_LABELS[name]}</option>`)}
            </select>
            <button type="button" @click=${() => this.canvas.relayout({ ...(view.selected ? { roots: view.selected } : {}) })}>Re-layout</button>
          </div>
        </section>
        <section aria-labelledby="export-title">
          <h2 id="export-title">Export</h2>
          <div class="row wrap">
            <button type="button" @click=${() => download("liaison.png", this.canvas.png())}>PNG</button>
            <button type="button" @click=${() => download("liaison.svg", this.canvas.svg(), "image/svg+xml")}>SVG</button>
            <button type="button" @click=${() => download("liaison.cy.json", JSON.stringify(this.canvas.json(), null, 2), "application/json")}>Cytoscape JSON</button>
          </div>
        </section>
      </div>`,
      $("#sidebar"),
    );
  }

  #renderToolbar(): void {
    const selected = this.view.selected && this.canvas.isNode(this.view.selected) ? this.view.selected : undefined;
    render(
      html`<button type="button" @click=${() => this.canvas.fit()} title="Fit the graph in view">Fit</button>
        <button type="button" ?disabled=${!this.canvas.canUndo} @click=${() => {
          this.canvas.undo();
        }} title="Undo the last change to the canvas">Undo</button>
        <button type="button" @click=${() => this.setView({ focus: undefined, selected: undefined })} title="Back to the who-met-whom overview">Overview</button>
        ${
          selected
            ? html`<button type="button" @click=${() => void this.expand(selected)} title="Add its neighbours (Enter)">Expand</button>
              <button type="button" @click=${() => {
                this.canvas.remove([selected]);
                this.select(undefined);
              }} title="Remove it from the canvas (Delete)">Hide</button>`
            : nothing
        }`,
      $("#toolbar"),
    );
  }

  #renderCaption(): void {
    const focus = this.view.focus;
    const label = focus ? ((this.canvas.data(focus)?.label as string | undefined) ?? focus) : undefined;
    render(
      focus
        ? html`<p><strong>Around ${label}${/[.…!?]$/.test(label ?? "") ? "" : "."}</strong> Click a node for its details and sources; double-click it (or press Enter) to expand it.</p>`
        : html`<p><strong>Who met whom.</strong> A line joins two actors who met; “18×” is how often the source says they met. Click a line for where they met and who says so.</p>`,
      $("#caption"),
    );
  }

  #renderStatus(): void {
    const visible = this.canvas.cy.elements().not(".hidden");
    const nodes = visible.nodes().length;
    const edges = visible.edges().length;
    const loading = [...this.#pending.values()];
    render(
      html`${loading.length > 0 ? html`<span class="loading"><span class="spinner small" aria-hidden="true"></span> ${loading[loading.length - 1]}…</span>` : nothing}
        <span class="counts">${nodes} nodes · ${edges} relationships shown${this.canvas.size - nodes - edges > 0 ? ` (${this.canvas.size - nodes - edges} hidden by filters)` : ""}</span>`,
      $("#status"),
    );
    const empty = $("#empty-state");
    const showEmpty = loading.length === 0 && this.canvas.size === 0;
    empty.hidden = !showEmpty;
    if (showEmpty) {
      render(
        !this.#health.ok
          ? html`<p><strong>The database is not answering.</strong></p>
            <p>The canvas fills as soon as it is back; this page checks every 30 seconds.</p>`
          : html`<p><strong>Nothing on the canvas yet.</strong></p>
          <p>Search for a person, forum, event or claim above — for example “Wang Yi” — or open <button type="button" class="link" @click=${() => this.openPanel("meetings")}>Who met whom</button>.</p>`,
        empty,
      );
    }
  }

  async #checkHealth(): Promise<void> {
    const banner = $("#banner");
    const wasOk = this.#health.ok;
    try {
      const health = await api.health();
      this.#health = { ok: health.status === "ok", message: health.reason ?? "" };
    } catch (error) {
      const failure = error instanceof ApiRequestError ? error : undefined;
      // A 503 from /api/health still carries the health body, with the reason.
      const reason = (failure?.details as { reason?: unknown } | undefined)?.reason;
      this.#health = {
        ok: false,
        message:
          failure?.code === "NETWORK"
            ? "The Liaison server does not answer."
            : typeof reason === "string"
              ? errorMessage(new Error(reason))
              : failure
                ? errorMessage(failure)
                : "Neo4j did not answer.",
      };
    }
    banner.hidden = this.#health.ok;
    banner.textContent = this.#health.ok
      ? ""
      : `The graph database is unavailable. ${this.#health.message || "It does not answer."} Results cannot load until it is back; this page checks again every 30 seconds.`;
    if (this.#health.ok && !wasOk) {
      // Back: load what could not load while it was away.
      if (!this.schema) await this.#loadSchema();
      this.#loadedFocus = null;
      this.#onViewChanged();
    } else this.#renderStatus();
  }

  #wireChrome(): void {
    for (const tab of document.querySelectorAll<HTMLElement>("[data-open-panel]")) {
      tab.addEventListener("click", () => {
        const name = tab.dataset.openPanel as PanelName;
        if (!PANELS.includes(name)) return;
        // Asking for a panel unfolds the sheet, so what was asked for shows.
        this.#panelFolded = false;
        this.setView({ panel: this.view.panel === name ? undefined : name });
      });
    }
    $("#panel-toggle").addEventListener("click", () => {
      this.#panelFolded = !this.#panelFolded;
      this.render();
    });
    $("#panel-close").addEventListener("click", () => this.setView({ panel: undefined }));
    const toggle = $("#sidebar-toggle");
    toggle.addEventListener("click", () => {
      this.#sidebarOpen = !this.#sidebarOpen;
      document.body.classList.toggle("sidebar-open", this.#sidebarOpen);
      toggle.setAttribute("aria-expanded", String(this.#sidebarOpen));
    });
    $("#canvas").addEventListener("keydown", (event) => {
      const selected = this.view.selected;
      if (event.key === "Enter" && selected && this.canvas.isNode(selected)) {
        event.preventDefault();
        void this.expand(selected);
      } else if ((event.key === "Delete" || event.key === "Backspace") && selected) {
        event.preventDefault();
        this.canvas.remove([selected]);
        this.select(undefined);
      } else if (event.key === "Escape") {
        this.select(undefined);
      } else if (event.key === "Tab" && !event.shiftKey && event.altKey) {
        // Alt+Tab is the system's; nothing to do.
      } else if (event.key === "n" || event.key === "p") {
        // n / p step through visible nodes, so the canvas can be used without a pointer.
        const nodes = this.canvas.cy
          .nodes()
          .not(".hidden")
          .sort((a, b) => String(a.data("label")).localeCompare(String(b.data("label"))));
        if (nodes.empty()) return;
        const index = nodes.toArray().findIndex((node) => node.id() === selected);
        const next = nodes[(index + (event.key === "n" ? 1 : nodes.length - 1) + (index < 0 ? 1 : 0)) % nodes.length];
        if (next) this.select(next.id());
      }
    });
    document.addEventListener("keydown", (event) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key === "z" &&
        !(event.target as HTMLElement).closest(".cm-editor, input, textarea")
      ) {
        if (this.canvas.undo()) event.preventDefault();
      }
    });
  }

  #wireTooltip(): void {
    const tooltip = $("#tooltip");
    const cy = this.canvas.cy;
    cy.on("mouseover", "node, edge", (event) => {
      const element = event.target;
      const data = element.data();
      const lines: string[] = [];
      if (element.isNode()) {
        lines.push(`${data.type}${data.kind ? ` · ${data.kind}` : ""}`);
        const date = nodeDate(data);
        if (date) lines.push(formatDate(date));
        if (data.evidenceCount)
          lines.push(`${data.evidenceCount} passage${data.evidenceCount === 1 ? "" : "s"} of evidence`);
        if (data.hiddenNeighbours) lines.push(`+${data.hiddenNeighbours} more neighbours (expand to see)`);
      } else {
        const source = cy.getElementById(data.source).data("label");
        const target = cy.getElementById(data.target).data("label");
        lines.push(`${source} → ${target}`);
        if (data.role) lines.push(`role: ${data.role}`);
        if (data.title) lines.push(String(data.title));
        if (typeof data.reportedCount === "number") lines.push(`met ${data.reportedCount} times, per the source`);
        if (data.weight) lines.push(`${data.weight} shared event${data.weight === 1 ? "" : "s"} in the graph`);
        if (Array.isArray(data.evidence) && data.evidence.length)
          lines.push(`${data.evidence.length} passage(s) of evidence`);
      }
      render(
        html`<strong>${element.isNode() ? data.label : String(data.type)}</strong>${lines.map((line) => html`<br />${line}`)}`,
        tooltip,
      );
      const position = event.renderedPosition ?? { x: 0, y: 0 };
      const box = $("#canvas").getBoundingClientRect();
      tooltip.style.left = `${box.left + position.x + 14}px`;
      tooltip.style.top = `${box.top + position.y + 14}px`;
      tooltip.hidden = false;
    });
    cy.on("mouseout", "node, edge", () => (tooltip.hidden = true));
    cy.on("viewport", () => (tooltip.hidden = true));
  }

  /** The type glyph and colour of a node id on the canvas (for panels). */
  glyph(type: string): { glyph: string; color: string } {
    const style = nodeStyle(type);
    return { glyph: style.glyph, color: style.color };
  }
}
