/** Paths: the shortest connections between two nodes, highlighted on the canvas, each hop with its evidence. */
import { html, nothing, render, type TemplateResult } from "lit-html";
import type { EdgeData, EvidenceItem, NodeData, NodeType, PathsResponse } from "../../common/api-types.js";
import { api } from "../api/client.js";
import type { AppContext } from "./context.js";
import { evidenceList } from "./evidence.js";
import { LatestLoad } from "./latest-load.js";
import { SearchBox } from "./search-box.js";

const PATH_END_TYPES: NodeType[] = ["Actor", "Forum", "Event", "Claim"];

export class PathsPanel {
  readonly #app: AppContext;
  readonly #body: HTMLElement;
  readonly #paths = new LatestLoad<PathsResponse>();
  #maxHops = 4;

  constructor(hosts: { from: HTMLElement; to: HTMLElement; body: HTMLElement }, app: AppContext) {
    this.#app = app;
    this.#body = hosts.body;
    new SearchBox(hosts.from, {
      label: "From",
      // A path runs between things; passages and sources are what evidence its hops, not ends.
      types: PATH_END_TYPES,
      placeholder: "e.g. Wang Yi",
      role: "combobox",
      visibleLabel: true,
      onPick: (hit) => app.setView({ pathFrom: hit.id }),
    });
    new SearchBox(hosts.to, {
      label: "To",
      // A path runs between things; passages and sources are what evidence its hops, not ends.
      types: PATH_END_TYPES,
      placeholder: "e.g. Sergei Shoigu",
      role: "combobox",
      visibleLabel: true,
      onPick: (hit) => app.setView({ pathTo: hit.id }),
    });
  }

  render(): void {
    const { pathFrom, pathTo, panel } = this.#app.view;
    const key = `${pathFrom}|${pathTo}|${this.#maxHops}`;
    if (panel === "paths" && pathFrom && pathTo && key !== this.#paths.key) {
      void this.#find(key, pathFrom, pathTo);
    }
    render(this.#template(), this.#body);
  }

  async #find(key: string, from: string, to: string): Promise<void> {
    const pending = this.#paths.load(key, () => api.paths({ from, to, maxHops: this.#maxHops }));
    this.render();
    const response = await pending;
    if (response) {
      this.#app.canvas.add(response.elements);
      this.#app.setPath(new Set(response.paths.flatMap((path) => [...path.nodes, ...path.edges])));
    }
    this.render();
  }

  #template(): TemplateResult {
    const { pathFrom, pathTo } = this.#app.view;
    const label = (id: string) => (this.#app.canvas.data(id) as NodeData | undefined)?.label ?? id;
    const byPassage = new Map<string, EvidenceItem>(
      (this.#paths.value?.evidence ?? []).map((item) => [item.passage.id, item]),
    );
    return html`<div class="paths-controls">
        <label class="field-label" for="paths-hops">At most</label>
        <select id="paths-hops" @change=${(event: Event) => {
          this.#maxHops = Number((event.target as HTMLSelectElement).value);
          this.render();
        }}>
          ${[2, 3, 4, 5, 6].map((hops) => html`<option value=${hops} ?selected=${hops === this.#maxHops}>${hops} hops</option>`)}
        </select>
        ${
          this.#paths.value
            ? html`<button type="button" @click=${() => {
                this.#paths.reset();
                this.#app.setPath(new Set());
                this.#app.setView({ pathFrom: undefined, pathTo: undefined });
              }}>Clear</button>`
            : nothing
        }
      </div>
      ${!pathFrom || !pathTo ? html`<p class="empty">Pick both ends to find the shortest paths between them.</p>` : nothing}
      ${this.#paths.loading ? html`<p class="loading"><span class="spinner small"></span> Finding paths…</p>` : nothing}
      ${this.#paths.error ? html`<p class="error" role="alert">${this.#paths.error}</p>` : nothing}
      ${this.#paths.value && this.#paths.value.paths.length === 0 ? html`<p class="empty">No path of at most ${this.#maxHops} hops joins them. Allow more hops.</p>` : nothing}
      ${
        this.#paths.value
          ? html`<ol class="paths">
            ${this.#paths.value.paths.map(
              (path) => html`<li>
                <p class="muted">${path.length} hop${path.length === 1 ? "" : "s"}</p>
                <ol class="hops">
                  ${path.edges.map((edgeId) => {
                    const edge = this.#app.canvas.data(edgeId) as EdgeData | undefined;
                    if (!edge) return nothing;
                    return html`<li>
                      ${label(edge.source)} <span class="rel">—${edge.type}→</span> ${label(edge.target)}
                      <button type="button" class="link" @click=${() => this.#app.select(edgeId)}>select</button>
                      ${
                        edge.evidence?.length
                          ? html`<details><summary>Evidence (${edge.evidence.length})</summary>${evidenceList(
                              edge.evidence
                                .map((id) => byPassage.get(id))
                                .filter((item): item is EvidenceItem => Boolean(item)),
                            )}</details>`
                          : html`<span class="muted small">(no evidence on this hop)</span>`
                      }
                    </li>`;
                  })}
                </ol>
              </li>`,
            )}
          </ol>`
          : nothing
      }`;
  }
}
