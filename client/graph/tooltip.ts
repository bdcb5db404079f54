/** The tooltip over a hovered node or edge: what it is, when, and how much evidence stands behind it. */
import type { Core } from "cytoscape";
import { html, render } from "lit-html";
import { formatDate, nodeDate } from "../format/dates.js";

/**
 * The tooltip's title and lines for a node's data.
 * @example nodeTooltip({ type: "Event", label: "Summit", evidenceCount: 1 }).lines // ["Event", "1 passage of evidence"]
 */
export function nodeTooltip(data: Record<string, unknown>): { title: string; lines: string[] } {
  const lines = [`${data.type}${data.kind ? ` · ${data.kind}` : ""}`];
  const date = nodeDate(data);
  if (date) lines.push(formatDate(date));
  if (data.evidenceCount) lines.push(`${data.evidenceCount} passage${data.evidenceCount === 1 ? "" : "s"} of evidence`);
  if (data.hiddenNeighbours) lines.push(`+${data.hiddenNeighbours} more neighbours (expand to see)`);
  return { title: String(data.label ?? ""), lines };
}

/**
 * The tooltip's title and lines for an edge's data, with the labels of its two ends.
 * @example edgeTooltip({ type: "MET", reportedCount: 18 }, "Wang Yi", "Sergey Lavrov").lines[1] === "met 18 times, per the source"
 */
export function edgeTooltip(
  data: Record<string, unknown>,
  sourceLabel: unknown,
  targetLabel: unknown,
): { title: string; lines: string[] } {
  const lines = [`${sourceLabel} → ${targetLabel}`];
  if (data.role) lines.push(`role: ${data.role}`);
  if (data.title) lines.push(String(data.title));
  if (data.reportedCount !== undefined) lines.push(`met ${data.reportedCount} times, per the source`);
  if (data.weight) lines.push(`${data.weight} shared event${data.weight === 1 ? "" : "s"} in the graph`);
  if (Array.isArray(data.evidence) && data.evidence.length)
    lines.push(`${data.evidence.length} passage(s) of evidence`);
  return { title: String(data.type), lines };
}

/** Shows the tooltip next to the pointer over a node or edge; hides it when the pointer leaves or the view moves. */
export function bindTooltip(cy: Core, tooltip: HTMLElement, canvas: HTMLElement): void {
  cy.on("mouseover", "node, edge", (event) => {
    const element = event.target;
    const data = element.data();
    const { title, lines } = element.isNode()
      ? nodeTooltip(data)
      : edgeTooltip(data, cy.getElementById(data.source).data("label"), cy.getElementById(data.target).data("label"));
    render(html`<strong>${title}</strong>${lines.map((line) => html`<br />${line}`)}`, tooltip);
    const position = event.renderedPosition ?? { x: 0, y: 0 };
    const box = canvas.getBoundingClientRect();
    tooltip.style.left = `${box.left + position.x + 14}px`;
    tooltip.style.top = `${box.top + position.y + 14}px`;
    tooltip.hidden = false;
  });
  cy.on("mouseout", "node, edge", () => (tooltip.hidden = true));
  cy.on("viewport", () => (tooltip.hidden = true));
}
