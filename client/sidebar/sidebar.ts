/** The sidebar (a drawer on phones): legend and filters, time range, layout, export. */
import { html, render } from "lit-html";
import type { SchemaResponse } from "../../common/api-types.js";
import type { CanvasFormat } from "../export/canvas.js";
import { LAYOUT_LABELS, LAYOUTS, type LayoutName } from "../graph/layouts.js";
import type { ViewState } from "../state/url-state.js";
import { legendSections, relationshipTypes } from "./legend.js";
import { hiddenByTime, timeRangeSection } from "./time-range.js";

/** What the sidebar shows: the view's filters, the schema, and what is on the canvas. */
export interface SidebarInput {
  view: ViewState;
  schema: SchemaResponse | undefined;
  /** Months the time sliders stop at; undefined until the timeline has loaded (they step month by month). */
  timeStops: readonly number[] | undefined;
  /** Nodes on the canvas: type, whether a filter hides them, whether they carry a date. */
  nodes: readonly { type: string; hidden: boolean; dated: boolean }[];
  /** Relationship types of the edges on the canvas. */
  edgeTypes: Iterable<string>;
  layout: LayoutName;
}

/** What the sidebar can do. */
export interface SidebarActions {
  setView(change: Partial<ViewState>, options?: { replace?: boolean }): void;
  /** Runs the layout again, switching to `name` first when given. */
  relayout(name?: LayoutName): void;
  export(format: CanvasFormat): void;
}

export class Sidebar {
  readonly #host: HTMLElement;
  readonly #actions: SidebarActions;

  constructor(host: HTMLElement, toggle: HTMLElement, actions: SidebarActions) {
    this.#host = host;
    this.#actions = actions;
    // On narrow screens the sidebar is a drawer behind the ☰ button.
    let open = false;
    toggle.addEventListener("click", () => {
      open = !open;
      document.body.classList.toggle("sidebar-open", open);
      toggle.setAttribute("aria-expanded", String(open));
    });
  }

  render(input: SidebarInput): void {
    const { view, schema } = input;
    const actions = this.#actions;
    render(
      html`<div class="sidebar-inner">
        ${legendSections({
          nodes: input.nodes,
          totals: new Map((schema?.labels ?? []).map((label) => [label.name, label.count])),
          relationshipTypes: relationshipTypes(
            (schema?.relationshipTypes ?? []).map((rel) => rel.name),
            input.edgeTypes,
          ),
          hiddenTypes: view.hiddenTypes,
          hiddenRels: view.hiddenRels,
          setHidden: (change) => actions.setView(change),
        })}
        ${timeRangeSection({
          span: schema?.dateRange ?? undefined,
          stops: input.timeStops,
          from: view.from,
          to: view.to,
          schemaLoaded: Boolean(schema),
          hiddenByTime: hiddenByTime(input.nodes, view.hiddenTypes),
          setRange: (range, replace) => actions.setView(range, { replace }),
        })}
        <section aria-labelledby="layout-title">
          <h2 id="layout-title">Layout</h2>
          <label class="field-label" for="layout-select">Arrange by</label>
          <div class="row">
            <select id="layout-select" @change=${(event: Event) => actions.relayout((event.target as HTMLSelectElement).value as LayoutName)}>
              ${LAYOUTS.map((name) => html`<option value=${name} ?selected=${input.layout === name}>${LAYOUT_LABELS[name]}</option>`)}
            </select>
            <button type="button" @click=${() => actions.relayout()}>Re-layout</button>
          </div>
        </section>
        <section aria-labelledby="export-title">
          <h2 id="export-title">Export</h2>
          <div class="row wrap">
            <button type="button" @click=${() => actions.export("png")}>PNG</button>
            <button type="button" @click=${() => actions.export("svg")}>SVG</button>
            <button type="button" @click=${() => actions.export("json")}>Cytoscape JSON</button>
          </div>
        </section>
      </div>`,
      this.#host,
    );
  }
}
