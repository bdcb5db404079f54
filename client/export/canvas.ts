/** The canvas as a file: PNG, SVG or Cytoscape JSON, downloaded under a fixed name. */
import type { Core } from "cytoscape";
import { download } from "./csv.js";

export type CanvasFormat = "png" | "svg" | "json";

/** Downloads the whole graph (not just what is in view) in this format. */
export function exportCanvas(cy: Core, format: CanvasFormat): void {
  if (format === "png") {
    // White background, at twice the screen's resolution.
    download("liaison.png", cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 }) as unknown as Blob);
  } else if (format === "svg") {
    const svg = (cy as unknown as { svg(options: object): string }).svg({ full: true, bg: "#ffffff" });
    download("liaison.svg", svg, "image/svg+xml");
  } else {
    // Elements with positions, the viewport; the style is left out.
    const { elements, zoom, pan } = cy.json() as { elements: object; zoom: number; pan: object };
    const json = { format: "cytoscape-json", elements, zoom, pan };
    download("liaison.cy.json", JSON.stringify(json, null, 2), "application/json");
  }
}
