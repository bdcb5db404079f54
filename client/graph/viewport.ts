/** Where the canvas looks: glides to elements, fits, caps the zoom, and follows resizes of its container. */
import type { CollectionReturnValue, Core, EdgeSingular } from "cytoscape";

/** Fitting a few nodes to the screen would draw them huge: fits and glides stop at this zoom. */
const MAX_FIT_ZOOM = 1.2;

export class Viewport {
  readonly #cy: Core;
  #glideTarget: CollectionReturnValue | undefined;

  constructor(cy: Core, container: HTMLElement) {
    this.#cy = cy;
    // A small graph fitted to the screen would be drawn huge; cap the zoom a layout leaves.
    cy.on("layoutstop", () => this.capZoom());
    // Opening a panel or the phone's bottom sheet resizes the canvas: redraw, and bring back what fell outside.
    new ResizeObserver(() => this.#onResize()).observe(container);
  }

  /** True while the view glides or a layout moves nodes (layouts animate their nodes and the view). */
  get animating(): boolean {
    return (
      this.#cy.animated() ||
      this.#cy
        .nodes()
        .toArray()
        .some((node) => node.animated())
    );
  }

  /** Centres on an element (and its neighbourhood). */
  focusOn(id: string): void {
    const element = this.#cy.getElementById(id);
    if (element.empty()) return;
    const around = element.isNode()
      ? element.closedNeighborhood()
      : (element as unknown as EdgeSingular).connectedNodes().union(element);
    this.glideTo(around.not(".hidden"));
  }

  /** Fits these elements in view (a path, a result), no closer than the zoom cap. */
  fitTo(ids: ReadonlySet<string>): void {
    const eles = this.#cy.elements().filter((element) => ids.has(element.id()) && !element.hasClass("hidden"));
    if (eles.empty()) return;
    this.glideTo(eles);
  }

  fit(): void {
    this.#cy.fit(this.#cy.elements().not(".hidden"), 30);
  }

  /**
   * Animates to show these elements, no closer than the zoom cap. The target zoom is computed up front, because
   * an animation cut short (a panel opening resizes the canvas) would skip a cap applied when it completes.
   */
  glideTo(eles: CollectionReturnValue, padding = 60): void {
    if (eles.empty()) return;
    const cy = this.#cy;
    cy.resize();
    this.#glideTarget = eles;
    const box = eles.boundingBox();
    const fitZoom = Math.min(
      (cy.width() - 2 * padding) / Math.max(box.w, 1),
      (cy.height() - 2 * padding) / Math.max(box.h, 1),
    );
    const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, fitZoom));
    cy.stop();
    cy.animate({ zoom, center: { eles }, duration: 300, complete: () => (this.#glideTarget = undefined) });
  }

  /** A few nodes fitted to the screen would be drawn huge: keep the zoom at most MAX_FIT_ZOOM. */
  capZoom(): void {
    const cy = this.#cy;
    if (cy.zoom() > MAX_FIT_ZOOM)
      cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  #onResize(): void {
    const cy = this.#cy;
    cy.resize();
    // A glide under way was aimed at the old size: aim it again.
    if (cy.animated() && this.#glideTarget) {
      this.glideTo(this.#glideTarget);
      return;
    }
    const visible = cy.elements().not(".hidden");
    if (visible.empty()) return;
    const box = visible.renderedBoundingBox();
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) {
      cy.fit(visible, 30);
      this.capZoom();
    }
  }
}
