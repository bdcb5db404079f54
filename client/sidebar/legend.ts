/** The legend in the sidebar: node types with their counts and relationship types, each a filter to tick. */
import { html, type TemplateResult } from "lit-html";
import { NODE_TYPES, type NodeType } from "../../common/api-types.js";
import { NODE_STYLES, relColor } from "../graph/style.js";

/**
 * Nodes shown on the canvas, by type: what the legend counts before the database's total.
 * @example shownByType([{ type: "Actor", hidden: false }, { type: "Actor", hidden: true }]) // { Actor: 1 }
 */
export function shownByType(nodes: readonly { type: string; hidden: boolean }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of nodes) if (!node.hidden) counts[node.type] = (counts[node.type] ?? 0) + 1;
  return counts;
}

/**
 * A legend count: shown on the canvas, then " / total" when the database's total is known.
 * @example legendCount(3, 29) === "3 / 29"; legendCount(0, undefined) === "0"
 */
export function legendCount(shown: number | undefined, total: number | undefined): string {
  return `${shown ?? 0}${total === undefined ? "" : ` / ${total}`}`;
}

/**
 * The relationship types to list: the database's, then any the canvas shows that the schema does not know.
 * @example relationshipTypes(["MET"], ["ABOUT", "MET"]) // ["MET", "ABOUT"]
 */
export function relationshipTypes(known: readonly string[], onCanvas: Iterable<string>): string[] {
  const types = [...known];
  for (const type of onCanvas) if (!types.includes(type)) types.push(type);
  return types;
}

/**
 * The list with `item` added, or removed when it was there.
 * @example toggled(["a", "b"], "a") // ["b"]
 */
export function toggled(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

export interface LegendInput {
  /** Nodes on the canvas, each with whether a filter hides it. */
  nodes: readonly { type: string; hidden: boolean }[];
  /** The database's totals by label (empty before the schema loads). */
  totals: ReadonlyMap<string, number>;
  relationshipTypes: readonly string[];
  hiddenTypes: readonly string[];
  hiddenRels: readonly string[];
  setHidden(change: { hiddenTypes: NodeType[] } | { hiddenRels: string[] }): void;
}

export function legendSections(input: LegendInput): TemplateResult {
  const counts = shownByType(input.nodes);
  // Hidden types keep the legend's order, so the URL reads the same however they were ticked.
  const toggleType = (type: string) => {
    const hidden = toggled(input.hiddenTypes, type);
    input.setHidden({ hiddenTypes: NODE_TYPES.filter((t) => hidden.includes(t)) });
  };
  return html`<section aria-labelledby="legend-title">
      <h2 id="legend-title">Node types</h2>
      <p class="muted small">Shown on the canvas / in the database. Untick to hide.</p>
      <ul class="legend">
        ${NODE_TYPES.map((type) => {
          const style = NODE_STYLES[type];
          return html`<li>
            <label title=${style.description}>
              <input type="checkbox" .checked=${!input.hiddenTypes.includes(type)} @change=${() => toggleType(type)} />
              <span class="swatch shape-${style.shape}" style=${`background:${style.color}`} aria-hidden="true"></span>
              <span class="legend-name">${type}</span>
              <span class="legend-count">${legendCount(counts[type], input.totals.get(type))}</span>
            </label>
          </li>`;
        })}
      </ul>
    </section>
    <section aria-labelledby="rels-title">
      <details ?open=${input.hiddenRels.length > 0}>
        <summary><h2 id="rels-title" class="inline">Relationship types</h2></summary>
        <ul class="legend">
          ${input.relationshipTypes.map(
            (rel) => html`<li>
              <label>
                <input type="checkbox" .checked=${!input.hiddenRels.includes(rel)}
                  @change=${() => input.setHidden({ hiddenRels: toggled(input.hiddenRels, rel) })} />
                <span class="line-swatch" style=${`background:${relColor(rel)}`} aria-hidden="true"></span>
                <span class="legend-name">${rel.toLowerCase().replaceAll("_", " ")}</span>
              </label>
            </li>`,
          )}
        </ul>
      </details>
    </section>`;
}
