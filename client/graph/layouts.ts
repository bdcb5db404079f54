/** The layouts people can pick, with the options that keep each readable. */
import type { LayoutOptions, NodeSingular } from "cytoscape";

export const LAYOUTS = ["fcose", "concentric", "breadthfirst"] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: "Force-directed (fCoSE)",
  concentric: "Concentric (by degree)",
  breadthfirst: "Hierarchical (from selection)",
};

/** Options of a layout; `roots` is the node a hierarchy starts from (the selection, when there is one). */
export function layoutOptions(name: LayoutName, options: { animate: boolean; roots?: string }): LayoutOptions {
  switch (name) {
    case "fcose":
      return {
        name: "fcose",
        quality: "default",
        randomize: true,
        animate: options.animate,
        animationDuration: 400,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: 90,
        nodeRepulsion: 9000,
        packComponents: true,
        padding: 30,
      } as LayoutOptions;
    case "concentric":
      return {
        name: "concentric",
        animate: options.animate,
        animationDuration: 400,
        minNodeSpacing: 18,
        padding: 30,
        concentric: (node: NodeSingular) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    case "breadthfirst":
      return {
        name: "breadthfirst",
        directed: false,
        animate: options.animate,
        animationDuration: 400,
        spacingFactor: 1.1,
        padding: 30,
        ...(options.roots ? { roots: `[id = ${JSON.stringify(options.roots)}]` } : {}),
      } as LayoutOptions;
  }
}
