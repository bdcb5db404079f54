/** The details panel: the selected node or edge, its properties, and its evidence traced to the source. */
import { html, nothing, render, type TemplateResult } from "lit-html";
import type { EdgeData, EvidenceItem, MetData, NodeData, ProvenanceResponse } from "../../common/api-types.js";
import { api } from "../api/client.js";
import { formatDate, nodeDate } from "../format/dates.js";
import { nodeStyle } from "../graph/style.js";
import { type AppContext, errorMessage } from "./context.js";
import { evidenceList } from "./evidence.js";
import { type Counterpart, counterpartTemplate, type MeetingActions } from "./meeting-templates.js";

type Load<T> = { state: "loading" } | { state: "done"; value: T } | { state: "failed"; message: string };

/** Properties shown elsewhere in the panel, or too internal to be worth a row. */
const SKIP = new Set([
  "id",
  "type",
  "label",
  "name",
  "content",
  "aliasText",
  "nameKeys",
  "datasets",
  "hiddenNeighbours",
  "source",
  "target",
  "evidence",
  // Who-met-whom lines: shown as the pair's meetings instead.
  "events",
  "reported",
  "forumCount",
]);

function propertyText(key: string, value: unknown): string {
  if (Array.isArray(value))
    return value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return key === "paragraph" && text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export class DetailsPanel {
  readonly #host: HTMLElement;
  readonly #app: AppContext;
  #provenance = new Map<string, Load<ProvenanceResponse>>();
  #edgeEvidence = new Map<string, Load<EvidenceItem[]>>();
  #pairs = new Map<string, Load<Counterpart | undefined>>();

  constructor(host: HTMLElement, app: AppContext) {
    this.#host = host;
    this.#app = app;
  }

  render(): void {
    const id = this.#app.view.selected;
    const data = id ? this.#app.canvas.data(id) : undefined;
    render(this.#template(id, data), this.#host);
  }

  /** Starts loading what the selected element's evidence needs (once per element). */
  #load(id: string, data: NodeData | EdgeData): void {
    if (this.#app.canvas.isNode(id)) {
      const node = data as NodeData;
      const traceable =
        node.type === "Claim" || node.type === "Event" || (node.evidenceCount ?? 0) > 0 || node.type === "Passage";
      if (!traceable || this.#provenance.has(id)) return;
      this.#provenance.set(id, { state: "loading" });
      const work: Promise<ProvenanceResponse> =
        node.type === "Passage"
          ? this.#evidenceOf([id]).then(
              (evidence): ProvenanceResponse => ({ node, evidence, speaker: null, speakers: [] }),
            )
          : api.provenance(id);
      work
        .then((value) => this.#provenance.set(id, { state: "done", value }))
        .catch((error) => this.#provenance.set(id, { state: "failed", message: errorMessage(error) }))
        .finally(() => this.render());
    } else {
      const edge = data as EdgeData;
      if (edge.type === "MET") {
        this.#loadPair(edge);
        return;
      }
      if (!edge.evidence?.length || this.#edgeEvidence.has(id)) return;
      this.#edgeEvidence.set(id, { state: "loading" });
      this.#evidenceOf(edge.evidence)
        .then((value) => this.#edgeEvidence.set(id, { state: "done", value }))
        .catch((error) => this.#edgeEvidence.set(id, { state: "failed", message: errorMessage(error) }))
        .finally(() => this.render());
    }
  }

  /** A who-met-whom line: the pair's meetings, forums and the claims that count them, as the meetings view has them. */
  #loadPair(edge: MetData): void {
    if (this.#pairs.has(edge.id)) return;
    this.#pairs.set(edge.id, { state: "loading" });
    api
      .meetings({ actor: edge.source, with: edge.target })
      .then((response) =>
        this.#pairs.set(edge.id, {
          state: "done",
          value: response.counterparts.find((counterpart) => counterpart.actor.id === edge.target),
        }),
      )
      .catch((error) => this.#pairs.set(edge.id, { state: "failed", message: errorMessage(error) }))
      .finally(() => this.render());
  }

  /** Passages by id with their paragraph and source, in one request: the server does the tracing. */
  async #evidenceOf(passageIds: string[]): Promise<EvidenceItem[]> {
    return (await api.evidence(passageIds)).evidence;
  }

  #template(id: string | undefined, data: NodeData | EdgeData | undefined): TemplateResult {
    if (!id || !data) {
      return html`<div class="empty-panel">
        <p><strong>Nothing selected.</strong></p>
        <p>Search above, or click a node or an edge on the canvas to see its properties and the passages that back it.</p>
        <p>Double-click a node (or press Enter) to expand its neighbourhood.</p>
      </div>`;
    }
    this.#load(id, data);
    return this.#app.canvas.isNode(id) ? this.#nodeTemplate(data as NodeData) : this.#edgeTemplate(data as EdgeData);
  }

  #nodeTemplate(node: NodeData): TemplateResult {
    const app = this.#app;
    const style = nodeStyle(node.type);
    const date = nodeDate(node);
    const provenance = this.#provenance.get(node.id);
    const more = node.hiddenNeighbours ?? 0;
    return html`<article class="details" aria-label=${`${node.type} ${node.label}`}>
      <p class="kicker"><span class="type-icon" style=${`color:${style.color}`} aria-hidden="true">${style.glyph}</span> ${node.type}${"kind" in node && node.kind ? html` · ${node.kind}` : nothing}</p>
      <h3 class="details-title">${node.label}</h3>
      ${date ? html`<p class="date">${formatDate(date)}</p>` : nothing}
      ${node.type === "Claim" && node.text && node.text !== node.label ? html`<p class="claim-text">${node.text}</p>` : nothing}
      ${"description" in node && node.description ? html`<p>${node.description}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${() => void app.expand(node.id)}>Expand</button>
        ${more > 0 ? html`<button type="button" @click=${() => void app.expand(node.id, { limit: 500, more: true })}>Show ${more} more</button>` : nothing}
        ${provenance ? html`<button type="button" @click=${() => this.#host.querySelector<HTMLElement>(".evidence-section")?.focus()}>Trace to source</button>` : nothing}
        ${
          node.type === "Actor"
            ? html`<button type="button" @click=${() => {
                app.setView({ actor: node.id, with: undefined, forum: undefined });
                app.openPanel("meetings");
              }}>Who met whom</button>`
            : nothing
        }
        <button type="button" @click=${() => app.focus(node.id)}>Focus</button>
        <button type="button" @click=${() => {
          const pinned = app.canvas.togglePin(node.id);
          app.toast(pinned ? "Pinned: layouts leave it in place." : "Unpinned.");
          app.render();
        }}>${app.canvas.cy.getElementById(node.id).locked() ? "Unpin" : "Pin"}</button>
        <button type="button" @click=${() => {
          const n = app.canvas.collapse(node.id);
          app.toast(n ? `Collapsed ${n} leaf node${n === 1 ? "" : "s"}.` : "Nothing hangs only on this node.");
        }}>Collapse</button>
        <button type="button" @click=${() => {
          app.canvas.remove([node.id]);
          app.select(undefined);
        }}>Hide</button>
      </div>
      ${provenance ? this.#provenanceTemplate(provenance) : nothing}
      ${this.#properties(node)}
    </article>`;
  }

  #provenanceTemplate(load: Load<ProvenanceResponse>): TemplateResult {
    return html`<section class="evidence-section" tabindex="-1" aria-label="Evidence">
      <h4>Evidence, traced to the source</h4>
      ${load.state === "loading" ? html`<p class="loading"><span class="spinner small"></span> Loading the passages…</p>` : nothing}
      ${load.state === "failed" ? html`<p class="error">${load.message}</p>` : nothing}
      ${
        load.state === "done"
          ? html`${this.#speakers(load.value)}
            ${evidenceList(load.value.evidence)}`
          : nothing
      }
    </section>`;
  }

  #speakers(provenance: ProvenanceResponse): TemplateResult | typeof nothing {
    const speakers = provenance.speakers?.length ? provenance.speakers : provenance.speaker ? [provenance.speaker] : [];
    if (speakers.length === 0) return nothing;
    return html`<p class="speaker">Said by
      ${speakers.map((speaker, index) => html`${index > 0 ? " and " : ""}<button type="button" class="link" @click=${() => this.#app.focus(speaker.id)}>${speaker.name}</button>`)}
    </p>`;
  }

  #pairTemplate(edge: MetData): TemplateResult {
    const app = this.#app;
    const label = (id: string) => (app.canvas.data(id) as NodeData | undefined)?.label ?? id;
    const pair = this.#pairs.get(edge.id);
    const shared = edge.weight;
    const openMeetings = (change: { forum?: string } = {}) => {
      app.setView({ actor: edge.source, with: edge.target, forum: change.forum });
      app.openPanel("meetings");
    };
    const actions: MeetingActions = {
      pickCounterpart: () => openMeetings(),
      pickForum: (forum) => openMeetings({ forum }),
      focus: (id) => app.focus(id),
    };
    return html`<article class="details" aria-label=${`Who met whom: ${label(edge.source)} and ${label(edge.target)}`}>
      <p class="kicker">Who met whom</p>
      <h3 class="details-title">
        <button type="button" class="link" @click=${() => app.select(edge.source)}>${label(edge.source)}</button>
        and
        <button type="button" class="link" @click=${() => app.select(edge.target)}>${label(edge.target)}</button>
      </h3>
      <p class="pair-summary">
        ${edge.reportedCount !== undefined ? html`Met <strong>${edge.reportedCount} times</strong>, per the source. ` : nothing}${shared} shared event${shared === 1 ? "" : "s"} in the graph${edge.forumCount > 0 ? `, at ${edge.forumCount} forum${edge.forumCount === 1 ? "" : "s"}` : ""}.
      </p>
      <div class="actions">
        <button type="button" @click=${() => openMeetings()}>Open in Who met whom</button>
      </div>
      <section class="evidence-section pair-meetings" tabindex="-1" aria-label="Where they met and who says so">
        <h4>Where they met, and who says so</h4>
        ${pair?.state === "loading" ? html`<p class="loading"><span class="spinner small"></span> Loading their meetings…</p>` : nothing}
        ${pair?.state === "failed" ? html`<p class="error">${pair.message}</p>` : nothing}
        ${pair?.state === "done" && !pair.value ? html`<p class="empty">No shared meeting found for this pair.</p>` : nothing}
        ${pair?.state === "done" && pair.value ? html`<div class="counterpart">${counterpartTemplate(pair.value, actions, { name: false })}</div>` : nothing}
      </section>
      ${this.#properties(edge)}
    </article>`;
  }

  #edgeTemplate(edge: EdgeData): TemplateResult {
    if (edge.type === "MET") return this.#pairTemplate(edge);
    const canvas = this.#app.canvas;
    const label = (id: string) => (canvas.data(id) as NodeData | undefined)?.label ?? id;
    const evidence = this.#edgeEvidence.get(edge.id);
    return html`<article class="details" aria-label=${`Relationship ${edge.type}`}>
      <p class="kicker">Relationship · ${edge.type}</p>
      <h3 class="details-title">
        <button type="button" class="link" @click=${() => this.#app.select(edge.source)}>${label(edge.source)}</button>
        <span aria-hidden="true"> → </span><span class="visually-hidden"> to </span>
        <button type="button" class="link" @click=${() => this.#app.select(edge.target)}>${label(edge.target)}</button>
      </h3>
      ${
        evidence
          ? html`<section class="evidence-section" tabindex="-1" aria-label="Evidence">
            <h4>Evidence, traced to the source</h4>
            ${evidence.state === "loading" ? html`<p class="loading"><span class="spinner small"></span> Loading the passages…</p>` : nothing}
            ${evidence.state === "failed" ? html`<p class="error">${evidence.message}</p>` : nothing}
            ${evidence.state === "done" ? evidenceList(evidence.value) : nothing}
          </section>`
          : html`<p class="muted">This relationship lists no evidence of its own.</p>`
      }
      ${this.#properties(edge)}
    </article>`;
  }

  #properties(data: Record<string, unknown>): TemplateResult {
    const rows = Object.entries(data).filter(
      ([key, value]) => !SKIP.has(key) && value !== null && value !== undefined && value !== "",
    );
    return html`<details class="properties" ?open=${rows.length <= 8}>
      <summary>Properties (${rows.length})</summary>
      <dl>
        <dt>id</dt><dd><code>${String(data.id)}</code></dd>
        ${rows.map(([key, value]) => html`<dt>${key}</dt><dd>${propertyText(key, value)}</dd>`)}
      </dl>
    </details>`;
  }
}
