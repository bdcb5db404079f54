/**
 * The frame around the side panels: the tabs that open them, the title, close, and on a phone the fold that turns the
 * bottom sheet down to its header so that the graph takes the screen. The panels' contents are theirs (ui/*-panel.ts).
 */
import { PANELS, type PanelName } from "../state/url-state.js";
import { element } from "./dom.js";

const PANEL_TITLES: Record<PanelName, string> = {
  details: "Details",
  meetings: "Who met whom",
  paths: "Paths",
  console: "Cypher console",
  views: "Saved views",
};

export interface PanelFrameActions {
  /** The panel the view shows (undefined: none). */
  current(): PanelName | undefined;
  /** Shows this panel, or none. */
  show(name: PanelName | undefined): void;
  /** Redraws the app (folding changes the canvas's size and the frame). */
  render(): void;
}

export class PanelFrame {
  readonly #actions: PanelFrameActions;
  #folded = false;

  constructor(actions: PanelFrameActions) {
    this.#actions = actions;
    for (const tab of document.querySelectorAll<HTMLElement>("[data-open-panel]")) {
      tab.addEventListener("click", () => {
        const name = tab.dataset.openPanel as PanelName;
        if (!PANELS.includes(name)) return;
        // Asking for a panel unfolds the sheet, so what was asked for shows.
        this.#folded = false;
        actions.show(actions.current() === name ? undefined : name);
      });
    }
    element("#panel-toggle").addEventListener("click", () => {
      this.#folded = !this.#folded;
      actions.render();
    });
    element("#panel-close").addEventListener("click", () => actions.show(undefined));
  }

  /** Unfolds the sheet (a panel was asked for) and moves keyboard focus into that panel. */
  open(name: PanelName): void {
    this.#folded = false;
    this.#actions.show(name);
    const body = document.querySelector<HTMLElement>(`[data-panel="${name}"]`);
    body?.querySelector<HTMLElement>("input, textarea, button, [tabindex]")?.focus({ preventScroll: true });
  }

  /** Shows the frame of this panel (or hides it), with the matching tab pressed. */
  render(panel: PanelName | undefined): void {
    element("#panel").hidden = !panel;
    document.body.classList.toggle("panel-open", Boolean(panel));
    element("#panel-title").textContent = panel ? PANEL_TITLES[panel] : "";
    document.body.classList.toggle("panel-folded", this.#folded);
    const fold = element("#panel-toggle");
    fold.setAttribute("aria-expanded", String(!this.#folded));
    fold.title = this.#folded ? "Unfold the panel" : "Fold the panel down to give the graph the screen";
    fold.textContent = this.#folded ? "▴" : "▾";
    for (const body of document.querySelectorAll<HTMLElement>("[data-panel]"))
      body.hidden = body.dataset.panel !== panel;
    for (const tab of document.querySelectorAll<HTMLElement>("[data-open-panel]")) {
      tab.setAttribute("aria-pressed", String(tab.dataset.openPanel === panel));
    }
  }
}
