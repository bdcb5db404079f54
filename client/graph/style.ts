/** How each node and relationship type looks (colour, shape, glyph) and the Cytoscape stylesheet built from it. */
import type { EdgeSingular, NodeSingular, StylesheetJson } from "cytoscape";
import type { MetData, NodeData, NodeType } from "../../common/api-types.js";

export interface TypeStyle {
  color: string;
  shape: "ellipse" | "hexagon" | "diamond" | "round-rectangle" | "rectangle" | "barrel" | "tag" | "round-tag";
  /** A character that stands for the type in lists (search suggestions, legend). */
  glyph: string;
  /** What the type is, in a few words, for the legend. */
  description: string;
}

/** Colours chosen to be told apart (also in common colour blindness) and to hold white text at AA contrast. */
export const NODE_STYLES: Record<NodeType, TypeStyle> = {
  Actor: { color: "#1d4ed8", shape: "ellipse", glyph: "●", description: "person, state, organisation" },
  Forum: { color: "#047857", shape: "hexagon", glyph: "⬢", description: "summit, organisation, UN body" },
  Event: { color: "#c2410c", shape: "diamond", glyph: "◆", description: "meeting, visit, exercise, vote" },
  Claim: { color: "#7e22ce", shape: "round-tag", glyph: "❝", description: "what a source asserts" },
  Source: { color: "#334155", shape: "rectangle", glyph: "■", description: "an article or document" },
  Passage: { color: "#a16207", shape: "barrel", glyph: "¶", description: "exact words in a source" },
};

const FALLBACK: TypeStyle = { color: "#52525b", shape: "ellipse", glyph: "○", description: "other" };

export const nodeStyle = (type: string): TypeStyle => NODE_STYLES[type as NodeType] ?? FALLBACK;

/** Relationship colours: meeting-related relationships stand out, bookkeeping ones (evidence, source) are quiet. */
const REL_COLORS: Record<string, string> = {
  PARTICIPATED_IN: "#c2410c",
  AT_FORUM: "#047857",
  MEMBER_OF: "#059669",
  HOLDS_ROLE: "#1d4ed8",
  PART_OF: "#78716c",
  ABOUT: "#a855f7",
  STATED_BY: "#7e22ce",
  CONTRADICTS: "#dc2626",
  EVIDENCED_BY: "#ca8a04",
  IN_SOURCE: "#64748b",
  AUTHORED_BY: "#475569",
  MET: "#be123c",
};

export const relColor = (type: string) => REL_COLORS[type] ?? "#71717a";

/**
 * The label of a who-met-whom edge: the meetings the sources count when they do ("18×"), otherwise the number of
 * shared events in the graph when there are several; a single shared meeting needs no number.
 * @example metLabel({ weight: 1, reportedCount: 18 }) === "18×"; metLabel({ weight: 1 }) === ""
 */
export function metLabel(data: Pick<MetData, "weight" | "reportedCount">): string {
  if (data.reportedCount !== undefined) return `${data.reportedCount}×`;
  return data.weight > 1 ? String(data.weight) : "";
}

/**
 * Width of a who-met-whom line: more meetings (as the source counts them, else shared events) draw it thicker.
 * @example metWidth({ weight: 1 }) === 3; metWidth({ weight: 1, reportedCount: 18 }) > metWidth({ weight: 4 })
 */
export function metWidth(data: Pick<MetData, "weight" | "reportedCount">): number {
  // A MET the console returns as stored has a `count`, not the overview's `weight`: it draws as one meeting.
  const count = data.reportedCount ?? data.weight ?? 1;
  return Math.round(Math.min(10, 1.5 + 1.5 * Math.sqrt(Math.max(1, count))) * 10) / 10;
}

/**
 * Node diameter from data: more connections or more evidence make a node bigger, within bounds.
 * @example nodeSize({ degree: 0 }) === 26; nodeSize({ degree: 400 }) === 72
 */
export function nodeSize(data: Pick<NodeData, "degree" | "evidenceCount">): number {
  const score = (data.degree ?? 0) + 2 * (data.evidenceCount ?? 0);
  return Math.round(Math.min(72, 26 + 8 * Math.sqrt(score)));
}

/** The label drawn on the canvas: short enough to read, the rest goes to the tooltip. */
function shortLabel(label: unknown, max = 38): string {
  const text = typeof label === "string" ? label : String(label ?? "");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The Cytoscape stylesheet. Display state lives in classes (see display-classes.ts), never in element data. */
export function stylesheet(): StylesheetJson {
  const byType = Object.entries(NODE_STYLES).map(([type, style]) => ({
    selector: `node[type = "${type}"]`,
    style: { "background-color": style.color, shape: style.shape },
  }));
  return [
    {
      selector: "node",
      style: {
        label: (ele: NodeSingular) => {
          const more = Number(ele.data("hiddenNeighbours") ?? 0);
          return `${shortLabel(ele.data("label"))}${more > 0 ? ` (+${more})` : ""}`;
        },
        width: (ele: NodeSingular) => nodeSize(ele.data()),
        height: (ele: NodeSingular) => nodeSize(ele.data()),
        "font-size": 12,
        "font-family": "system-ui, sans-serif",
        color: "#111827",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "wrap",
        "text-max-width": "140px",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        "min-zoomed-font-size": 7,
        "border-width": 2,
        "border-color": "#ffffff",
      },
    },
    ...byType,
    {
      selector: "node[hiddenNeighbours > 0]",
      style: { "border-color": "#111827", "border-style": "dashed", "border-width": 3 },
    },
    {
      selector: "edge",
      style: {
        width: 1.5,
        "line-color": (ele: EdgeSingular) => relColor(ele.data("type")),
        "target-arrow-color": (ele: EdgeSingular) => relColor(ele.data("type")),
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": "bezier",
        "control-point-step-size": 28,
        opacity: 0.75,
        "font-size": 10,
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
        "min-zoomed-font-size": 8,
      },
    },
    {
      selector: 'edge[type = "MET"]',
      style: {
        width: (ele: EdgeSingular) => metWidth(ele.data()),
        "target-arrow-shape": "none",
        label: (ele: EdgeSingular) => metLabel(ele.data()),
        "font-size": 12,
        "font-weight": "bold",
        color: "#881337",
        "text-background-padding": "2px",
        "text-background-shape": "roundrectangle",
        // Upright, so a number reads at a glance whatever the line's angle.
        "text-rotation": "none",
        "min-zoomed-font-size": 6,
      },
    },
    { selector: "edge[evidence]", style: { "line-style": "solid" } },
    { selector: ".hidden", style: { display: "none" } },
    { selector: ".faded", style: { opacity: 0.15, "text-opacity": 0.25 } },
    {
      selector: "node.selected",
      style: { "border-color": "#facc15", "border-width": 5, "z-index": 20, "font-weight": "bold" },
    },
    { selector: "node.neighbour", style: { "z-index": 10 } },
    {
      selector: "edge.highlighted, edge.selected, edge.on-path, edge.in-result",
      style: {
        width: 3.5,
        opacity: 1,
        label: (ele: EdgeSingular) => String(ele.data("label") ?? ele.data("type")).toLowerCase(),
        "z-index": 15,
      },
    },
    { selector: "edge.selected", style: { width: 5, "line-color": "#facc15", "target-arrow-color": "#facc15" } },
    // Who-met-whom lines keep their count when lit, and their weight when selected.
    {
      selector:
        'edge[type = "MET"].highlighted, edge[type = "MET"].selected, edge[type = "MET"].on-path, edge[type = "MET"].in-result',
      style: {
        label: (ele: EdgeSingular) => metLabel(ele.data()),
        width: (ele: EdgeSingular) => metWidth(ele.data()) + 2,
      },
    },
    { selector: "node.on-path", style: { "border-color": "#be123c", "border-width": 5 } },
    { selector: "node.in-result", style: { "border-color": "#7c3aed", "border-width": 5, "z-index": 12 } },
    { selector: "edge.in-result", style: { "line-color": "#7c3aed", "target-arrow-color": "#7c3aed" } },
    { selector: "node.pinned", style: { "outline-width": 2, "outline-color": "#111827", "outline-offset": 2 } },
    { selector: "node:active, edge:active", style: { "overlay-opacity": 0.12 } },
  ] as StylesheetJson;
}
