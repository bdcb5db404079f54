/** The side panels, each bound to its place in index.html; the app draws the one the view shows. */

import { element as $ } from "../shell/dom.js";
import type { PanelName } from "../state/url-state.js";
import { ConsolePanel } from "./console-panel.js";
import type { AppContext } from "./context.js";
import { DetailsPanel } from "./details-panel.js";
import { MeetingsPanel } from "./meetings-panel.js";
import { PathsPanel } from "./paths-panel.js";
import { ViewsPanel } from "./views-panel.js";

export type Panels = Record<PanelName, { render(): void }>;

export function createPanels(app: AppContext): Panels {
  return {
    details: new DetailsPanel($("#details-body"), app),
    meetings: new MeetingsPanel(
      { actor: $("#meetings-actor"), with: $("#meetings-with"), body: $("#meetings-body") },
      app,
    ),
    paths: new PathsPanel({ from: $("#paths-from"), to: $("#paths-to"), body: $("#paths-body") }, app),
    console: new ConsolePanel({ editor: $("#console-editor"), body: $("#console-body") }, app),
    views: new ViewsPanel($("#views-body"), app),
  };
}
