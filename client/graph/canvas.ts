/**
 * The graph canvas: a Cytoscape instance holding exactly the element data the server sent. It adds and removes
 * elements, places expansions next to their parent, runs layouts, applies display classes and keeps the undo
 * history. Where it looks (glides, fits, resizes) is graph/viewport.ts; elements in and out, graph/elements.ts.
 */
import cytoscape, { type Core, type EventObject } from "cytoscape";
import fcose from "cytoscape-fcose";
import svg from "cytoscape-svg";
import type { ConsoleElements, EdgeData, Elements, NodeData } from "../../common/api-types.js";
import { type DisplayClass, type DisplayOptions, displayClasses } from "./display-classes.js";
import { type Restorable, type Snapshot, snapshotDefinitions, snapshotOf, toDefinitions } from "./elements.js";
import { LAYOUTS, type LayoutName, runLayout } from "./layouts.js";
import { centroid, mostLinked, ringPositions, spreadPositions } from "./placement.js";
import { stylesheet } from "./style.js";
import { Viewport } from "./viewport.js";

cytoscape.use(fcose);
cytoscape.use(svg);

/** Above this many elements the canvas trades detail for speed while panning and zooming. */
const LARGE_GRAPH = 1_500;

export interface CanvasEvents {
  /** A node or edge was tapped (undefined: the background). */
  onSelect(id: string | undefined): void;
  /** Double-tap on a node, or Enter with a node selected. */
  onExpand(id: string): void;
  /** Elements changed (added, removed, restored). */
  onChange(): void;
}

export class GraphCanvas {
  readonly cy: Core;
  readonly #events: CanvasEvents;
  readonly #undo: Snapshot[] = [];
  #layout: LayoutName = "fcose";
  #display: DisplayOptions = {};
  readonly #viewport: Viewport;

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
    this.#viewport = new Viewport(this.cy, container);
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
  add(elements: Elements | ConsoleElements, options: { near?: string } = {}): string[] {
    // Console results may hold other labels (a Dataset) and stored relationships: they are drawn like the rest.
    const fresh: ConsoleElements = {
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
      this.#viewport.glideTo(eles);
    }
    this.#events.onChange();
    return added.map((element) => element.id());
  }

  /** Runs the chosen layout on every unpinned node. */
  relayout(options: { animate?: boolean; roots?: string } = {}): void {
    runLayout(this.cy, this.#layout, {
      animate: options.animate ?? this.size < LARGE_GRAPH,
      ...(options.roots ? { roots: options.roots } : {}),
    });
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

  /** Ids of the nodes no filter hides, in label order (n and p step through them). */
  visibleNodesByLabel(): string[] {
    return this.cy
      .nodes()
      .not(".hidden")
      .sort((a, b) => String(a.data("label")).localeCompare(String(b.data("label"))))
      .map((node) => node.id());
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
    return snapshotOf(this.cy);
  }

  /** Puts a snapshot (or a saved view) back, positions included. */
  restore(snapshot: Restorable, options: { keepUndo?: boolean } = {}): void {
    if (!options.keepUndo) this.pushUndo();
    const hasPositions = snapshot.nodes.every((node) => node.position);
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(snapshotDefinitions(snapshot));
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

  /** True while a layout or a glide is moving things (for the idle signal browser tests wait on). */
  get animating(): boolean {
    return this.#viewport.animating;
  }

  /** Centres on an element (and its neighbourhood). */
  focusOn(id: string): void {
    this.#viewport.focusOn(id);
  }

  /** Fits these elements in view (a path, a result), no closer than the zoom cap. */
  fitTo(ids: ReadonlySet<string>): void {
    this.#viewport.fitTo(ids);
  }

  fit(): void {
    this.#viewport.fit();
  }

  /** Large graphs: draw a texture and hide edges while the viewport moves. */
  #tuneForSize(): void {
    const large = this.size > LARGE_GRAPH;
    const renderer = (this.cy as unknown as { renderer(): Record<string, unknown> }).renderer();
    renderer.hideEdgesOnViewport = large;
    renderer.textureOnViewport = large;
  }
}
