/** What panels may ask of the app: the canvas, the view state and a few actions. Panels never reach into each other. */
import type { SchemaResponse } from "../../common/api-types.js";
import type { GraphCanvas } from "../graph/canvas.js";
import type { PanelName, ViewState } from "../state/url-state.js";

export interface AppContext {
  readonly canvas: GraphCanvas;
  readonly view: ViewState;
  readonly schema: SchemaResponse | undefined;
  /** Changes the view (URL included) and redraws. */
  setView(change: Partial<ViewState>, options?: { replace?: boolean }): void;
  select(id: string | undefined): void;
  /** Adds a node's neighbourhood next to it. */
  expand(id: string, options?: { limit?: number }): Promise<void>;
  /** Makes a node the focus: the canvas shows its neighbourhood. */
  focus(id: string): void;
  openPanel(name: PanelName): void;
  /** Highlights these element ids as a path (empty set: none). */
  setPath(ids: ReadonlySet<string>): void;
  /** Runs work with a loading indicator; errors are shown as readable messages and rethrown. */
  busy<T>(label: string, work: Promise<T>): Promise<T>;
  showError(error: unknown): void;
  toast(message: string): void;
  /** Redraws everything that depends on app state. */
  render(): void;
}

/** A readable message for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
