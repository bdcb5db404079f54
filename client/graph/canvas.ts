/**
 * The graph canvas: a Cytoscape instance holding exactly the element data the server sent. It adds and removes
 * elements, places expansions next to their parent, runs layouts, applies display classes, and exports.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from "cytoscape";
import fcose from "cytoscape-fcose";
import svg from "cytoscape-svg";
import type { EdgeData, Elements, NodeData } from "../../common/api-types.js";
import { type DisplayClass, type DisplayOptions, displayClasses } from "./display-classes.js";
import { LAYOUTS, type LayoutName, layoutOptions } from "./layouts.js";
import { centroid, ringPositions } from "./placement.js";
import { stylesheet } from "./style.js";

cytoscape.use(fcose);
cytoscape.use(svg);

/** Above this many elements the canvas trades detail for speed while panning and zooming. */
export const LARGE_GRAPH = 1_500;

/** Fitting a few nodes to the screen would draw them huge: fits and glides stop at this zoom. */
const MAX_FIT_ZOOM = 1.2;

export interface CanvasEvents {
  /** A node or edge was tapped (undefined: the background). */
  onSelect(id: string | undefined): void;
  /** Double-tap on a node, or Enter with a node selected. */
  onExpand(id: string): void;
  /** Elements changed (added, removed, restored). */
  onChange(): void;
}

export interface Snapshot {
  nodes: { data: NodeData; position: { x: number; y: number }; locked: boolean }[];
  edges: { data: EdgeData }[];
}

export class GraphCanvas {
  readonly cy: Core;
  readonly #events: CanvasEvents;
  readonly #undo: Snapshot[] = [];
  #layout: LayoutName = "fcose";
  #display: DisplayOptions = {};
  #glideTarget: cytoscape.CollectionReturnValue | undefined;

  constructor(container: HTMLElement, events: CanvasEvents) {
    this.#events = events;
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: "single",
      pixelRatio: "auto",
    });
    this.cy.on("tap", (event: EventObject) => {
      const target = event.target;
      events.onSelect(target === this.cy ? undefined : target.id());
    });
    this.cy.on("dbltap", "node", (event: EventObject) => events.onExpand(event.target.id()));
    // A small graph fitted to the screen would be drawn huge; cap the zoom a layout leaves.
    this.cy.on("layoutstop", () => this.#capZoom());
    // Opening a panel or the phone's bottom sheet resizes the canvas: redraw, and bring back what fell outside.
    new ResizeObserver(() => this.#onResize()).observe(container);
  }

  #onResize(): void {
    this.cy.resize();
    // A glide under way was aimed at the old size: aim it again.
    if (this.cy.animated() && this.#glideTarget) {
      this.#glideTo(this.#glideTarget, 60);
      return;
    }
    const visible = this.cy.elements().not(".hidden");
    if (visible.empty()) return;
    const box = visible.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > this.cy.width() || box.y2 > this.cy.height()) {
      this.cy.fit(visible, 30);
      this.#capZoom();
    }
  }

  get layoutName(): LayoutName {
    return this.#layout;
  }

  set layoutName(name: LayoutName) {
    if (LAYOUTS.includes(name)) this.#layout = name;
  }

  get size(): number {
    return this.cy.elements().length;
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  /** Data of one element as the server sent it. */
  data(id: string): NodeData | EdgeData | undefined {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? (element.data() as NodeData | EdgeData) : undefined;
  }

  isNode(id: string): boolean {
    const element = this.cy.getElementById(id);
    return element.nonempty() && element.isNode();
  }

  /** Replaces everything with these elements and lays them out. */
  replace(elements: Elements, options: { layout?: boolean } = {}): void {
    this.pushUndo();
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(toDefinitions(elements, spreadPositions(elements.nodes.length)));
    });
    this.#tuneForSize();
    this.applyDisplay(this.#display);
    if (options.layout !== false) this.relayout({ animate: false });
    this.#events.onChange();
  }

  /**
   * Adds elements that are not on the canvas yet. With `near`, new nodes go on rings around that node and
   * nothing else moves; without it, new nodes are laid out around the existing graph. Returns the new ids.
   */
  add(elements: Elements, options: { near?: string } = {}): string[] {
    const fresh: Elements = {
      nodes: elements.nodes.filter((node) => !this.has(node.data.id)),
      edges: elements.edges.filter((edge) => !this.has(edge.data.id)),
    };
    // Updated data (e.g. a new hiddenNeighbours count) replaces the old for nodes already on the canvas.
    for (const node of elements.nodes) {
      const existing = this.cy.getElementById(node.data.id);
      if (existing.nonempty()) existing.data(node.data);
    }
    if (fresh.nodes.length === 0 && fresh.edges.length === 0) return [];
    this.pushUndo();
    const wasEmpty = this.cy.nodes().length === 0;
    // Without a given parent, new nodes gather around the existing node most of them connect to.
    const near = options.near ?? mostLinked(fresh, (id) => this.has(id));
    const anchor = near ? this.cy.getElementById(near) : undefined;
    const centre = centroid(this.cy.nodes().map((node) => node.position()));
    const origin = anchor?.nonempty() ? anchor.position() : centre;
    const positions = ringPositions(
      origin,
      fresh.nodes.length,
      centre,
      110,
      this.cy.nodes().map((node) => ({ ...node.position() })),
    );
    this.cy.startBatch();
    const nodes = this.cy.add(
      fresh.nodes.map((node, index) => ({ group: "nodes" as const, data: node.data, position: positions[index] })),
    );
    // Edges whose ends are missing (the server should not send them) are left out rather than failing.
    const edges = this.cy.add(
      fresh.edges
        .filter((edge) => this.has(edge.data.source) && this.has(edge.data.target))
        .map((edge) => ({ group: "edges" as const, data: edge.data })),
    );
    this.cy.endBatch();
    const added = nodes.union(edges);
    this.#tuneForSize();
    this.applyDisplay(this.#display);
    if (wasEmpty) this.relayout({ animate: false });
    else {
      const eles = options.near && anchor?.nonempty() ? added.union(anchor) : this.cy.elements().not(".hidden");
      this.#glideTo(eles, 60);
    }
    this.#events.onChange();
    return added.map((element) => element.id());
  }

  /** Runs the chosen layout on every unpinned node. */
  relayout(options: { animate?: boolean; roots?: string } = {}): void {
    const visible = this.cy.elements().not(".hidden");
    if (visible.length === 0) return;
    const pinned = this.cy.nodes(":locked");
    const base = layoutOptions(this.#layout, {
      animate: options.animate ?? this.size < LARGE_GRAPH,
      ...(options.roots ? { roots: options.roots } : {}),
    });
    const layout =
      this.#layout === "fcose" && pinned.nonempty()
        ? {
            ...base,
            fixedNodeConstraint: pinned.map((node) => ({ nodeId: node.id(), position: { ...node.position() } })),
          }
        : base;
    visible.layout(layout as cytoscape.LayoutOptions).run();
  }

  /** Applies display classes computed from the data and the view (filters, range, selection, path). */
  applyDisplay(options: DisplayOptions): void {
    this.#display = options;
    const graph = {
      nodes: this.cy.nodes().map((node) => ({ id: node.id(), type: String(node.data("type")), data: node.data() })),
      edges: this.cy.edges().map((edge) => ({
        id: edge.id(),
        source: String(edge.data("source")),
        target: String(edge.data("target")),
        type: String(edge.data("type")),
      })),
    };
    const classes = displayClasses(graph, options);
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const list: (DisplayClass | "pinned")[] = [...(classes.get(element.id()) ?? [])];
        if (element.isNode() && element.locked()) list.push("pinned");
        element.classes(list);
      });
    });
  }

  /** Ids of the elements that are not hidden. */
  visibleIds(): string[] {
    return this.cy
      .elements()
      .not(".hidden")
      .map((element) => element.id());
  }

  /** Removes elements (and the edges that hang on them). */
  remove(ids: string[]): void {
    const elements = ids.reduce((all, id) => all.union(this.cy.getElementById(id)), this.cy.collection());
    if (elements.empty()) return;
    this.pushUndo();
    elements.union(elements.connectedEdges()).remove();
    this.#events.onChange();
  }

  /** Removes the neighbours that hang only on this node (its leaves); returns how many went. */
  collapse(id: string): number {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.isNode()) return 0;
    const leaves = node
      .neighborhood()
      .nodes()
      .filter((other) => other.degree(false) <= node.edgesWith(other).length);
    if (leaves.empty()) return 0;
    this.pushUndo();
    leaves.remove();
    this.#events.onChange();
    return leaves.length;
  }

  /** Pins or unpins a node: a pinned node keeps its place through layouts and cannot be dragged. */
  togglePin(id: string): boolean {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.isNode()) return false;
    if (node.locked()) node.unlock();
    else node.lock();
    this.applyDisplay(this.#display);
    return node.locked();
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  /** Restores the canvas as it was before the last add, remove, collapse or replace. */
  undo(): boolean {
    const snapshot = this.#undo.pop();
    if (!snapshot) return false;
    this.restore(snapshot, { keepUndo: true });
    return true;
  }

  snapshot(): Snapshot {
    return {
      nodes: this.cy.nodes().map((node) => ({
        data: node.data() as NodeData,
        position: { ...node.position() },
        locked: node.locked(),
      })),
      edges: this.cy.edges().map((edge) => ({ data: edge.data() as EdgeData })),
    };
  }

  /** Puts a snapshot (or a saved view) back, positions included. */
  restore(
    snapshot: {
      nodes: { data: NodeData; position?: { x: number; y: number }; locked?: boolean }[];
      edges: { data: EdgeData }[];
    },
    options: { keepUndo?: boolean } = {},
  ): void {
    if (!options.keepUndo) this.pushUndo();
    const hasPositions = snapshot.nodes.every((node) => node.position);
    const spread = spreadPositions(snapshot.nodes.length);
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add([
        ...snapshot.nodes.map((node, index) => ({
          group: "nodes" as const,
          data: node.data,
          position: node.position ?? spread[index],
          locked: node.locked ?? false,
        })),
        ...snapshot.edges.map((edge) => ({ group: "edges" as const, data: edge.data })),
      ]);
    });
    this.#tuneForSize();
    this.applyDisplay(this.#display);
    if (hasPositions) this.cy.fit(undefined, 30);
    else this.relayout({ animate: false });
    this.#events.onChange();
  }

  pushUndo(): void {
    // An empty canvas (before the first view loads) is not worth going back to.
    if (this.cy.elements().empty()) return;
    this.#undo.push(this.snapshot());
    if (this.#undo.length > 20) this.#undo.shift();
  }

  /** Centres on an element (and its neighbourhood). */
  focusOn(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    const around = element.isNode()
      ? element.closedNeighborhood()
      : (element as unknown as cytoscape.EdgeSingular).connectedNodes().union(element);
    this.#glideTo(around.not(".hidden"), 60);
  }

  /** Fits these elements in view (a path, a result), no closer than the zoom cap. */
  fitTo(ids: ReadonlySet<string>): void {
    const eles = this.cy.elements().filter((element) => ids.has(element.id()) && !element.hasClass("hidden"));
    if (eles.empty()) return;
    this.#glideTo(eles, 60);
  }

  fit(): void {
    this.cy.fit(this.cy.elements().not(".hidden"), 30);
  }

  /** The canvas as a PNG blob (white background, at twice the screen's resolution). */
  png(): Blob {
    return this.cy.png({ output: "blob", bg: "#ffffff", full: true, scale: 2 }) as unknown as Blob;
  }

  /** The canvas as SVG text. */
  svg(): string {
    return (this.cy as unknown as { svg(options: object): string }).svg({ full: true, bg: "#ffffff" });
  }

  /** The current view as Cytoscape JSON (elements with positions, style left out). */
  json(): object {
    const { elements, zoom, pan } = this.cy.json() as { elements: object; zoom: number; pan: object };
    return { format: "cytoscape-json", elements, zoom, pan };
  }

  /**
   * Animates to show these elements, no closer than the zoom cap. The target zoom is computed up front, because
   * an animation cut short (a panel opening resizes the canvas) would skip a cap applied when it completes.
   */
  #glideTo(eles: cytoscape.CollectionReturnValue, padding: number): void {
    if (eles.empty()) return;
    this.cy.resize();
    this.#glideTarget = eles;
    const box = eles.boundingBox();
    const fitZoom = Math.min(
      (this.cy.width() - 2 * padding) / Math.max(box.w, 1),
      (this.cy.height() - 2 * padding) / Math.max(box.h, 1),
    );
    const zoom = Math.max(this.cy.minZoom(), Math.min(MAX_FIT_ZOOM, fitZoom));
    this.cy.stop();
    this.cy.animate({ zoom, center: { eles }, duration: 300, complete: () => (this.#glideTarget = undefined) });
  }

  /** A few nodes fitted to the screen would be drawn huge: keep the zoom at most MAX_FIT_ZOOM. */
  #capZoom(): void {
    if (this.cy.zoom() > MAX_FIT_ZOOM)
      this.cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** Large graphs: draw a texture and hide edges while the viewport moves. */
  #tuneForSize(): void {
    const large = this.size > LARGE_GRAPH;
    const renderer = (this.cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    renderer.hideEdgesOnViewport = large;
    renderer.textureOnViewport = large;
  }
}

/** The existing node that most new edges touch (undefined when none does). */
export function mostLinked(fresh: Elements, exists: (id: string) => boolean): string | undefined {
  const counts = new Map<string, number>();
  for (const edge of fresh.edges) {
    for (const end of [edge.data.source, edge.data.target])
      if (exists(end)) counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = id;
  return best;
}

/**
 * Starting places for nodes about to be laid out, none on top of another. Nodes added without a position all sit at
 * the origin until the layout moves them, and Cytoscape cannot draw an edge between two stacked nodes of some shapes
 * (it warns "Edge … has invalid endpoints"); nodes a filter hides are not laid out at all and would stay stacked.
 * @example spreadPositions(2).length === 2
 */
export function spreadPositions(count: number): { x: number; y: number }[] {
  return ringPositions({ x: 0, y: 0 }, count, { x: 0, y: 0 }, 70);
}

/** Elements JSON → Cytoscape definitions, with each node's starting position when given. */
export function toDefinitions(elements: Elements, positions: { x: number; y: number }[] = []): ElementDefinition[] {
  const ids = new Set(elements.nodes.map((node) => node.data.id));
  return [
    ...elements.nodes.map((node, index) => {
      const position = positions[index];
      return { group: "nodes" as const, data: node.data, ...(position ? { position } : {}) };
    }),
    ...elements.edges
      .filter((edge) => ids.has(edge.data.source) && ids.has(edge.data.target))
      .map((edge) => ({ group: "edges" as const, data: edge.data })),
  ];
}
