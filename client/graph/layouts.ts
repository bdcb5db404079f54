/** The layouts people can pick, with the options that keep each readable, and running one around pinned nodes. */
import type { Core, LayoutOptions, NodeSingular } from "cytoscape";

export const LAYOUTS = ["fcose", "concentric", "breadthfirst"] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export const LAYOUT_LABELS: Record<LayoutName, string> = {
  fcose: "Force-directed (fCoSE)",
  concentric: "Concentric (by degree)",
  breadthfirst: "Hierarchical (from selection)",
};

/** Options of a layout; `roots` is the node a hierarchy starts from (the selection, when there is one). */
function layoutOptions(name: LayoutName, options: { animate: boolean; roots?: string }): LayoutOptions {
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

/** Runs a layout on the elements no filter hides; pinned nodes keep their place (fCoSE's fixed-node constraint). */
export function runLayout(cy: Core, name: LayoutName, options: { animate: boolean; roots?: string }): void {
  const visible = cy.elements().not(".hidden");
  if (visible.length === 0) return;
  const pinned = cy.nodes(":locked");
  const base = layoutOptions(name, options);
  const layout =
    name === "fcose" && pinned.nonempty()
      ? {
          ...base,
          fixedNodeConstraint: pinned.map((node) => ({ nodeId: node.id(), position: { ...node.position() } })),
        }
      : base;
  visible.layout(layout as LayoutOptions).run();
}
