/** What panels may ask of the app: the canvas, the view state and a few actions. Panels never reach into each other. */
import type { SchemaResponse } from "../../common/api-types.js";
import type { GraphCanvas } from "../graph/canvas.js";
import type { PanelName, ViewState } from "../state/url-state.js";

export interface AppContext {
  readonly canvas: GraphCanvas;
  readonly view: ViewState;
  readonly schema: SchemaResponse | undefined;
  /**
   * Changes the view (URL included) and redraws. A new focus loads its neighbourhood onto the canvas, unless
   * `keepCanvas` says the caller already put what the view shows there.
   */
  setView(change: Partial<ViewState>, options?: { replace?: boolean; keepCanvas?: boolean }): void;
  select(id: string | undefined): void;
  /** Adds a node's neighbourhood next to it. */
  expand(id: string, options?: { limit?: number; more?: boolean }): Promise<void>;
  /** Makes a node the focus: the canvas shows its neighbourhood. */
  focus(id: string): void;
  openPanel(name: PanelName): void;
  /** Highlights these element ids as a path (empty set: none). */
  setPath(ids: ReadonlySet<string>): void;
  /** Highlights the elements of a console result (empty set: none); cleared by the next selection. */
  setResult(ids: ReadonlySet<string>): void;
  /** Runs work with a loading indicator; errors are shown as readable messages and rethrown. */
  busy<T>(label: string, work: Promise<T>): Promise<T>;
  showError(error: unknown): void;
  toast(message: string): void;
  /** Redraws everything that depends on app state. */
  render(): void;
}

/**
 * A readable message for anything thrown. The API's messages start with where they came from
 * ("POST /api/cypher: …", "meetings/network: …"), which helps a log reader but not a person at the screen:
 * that part is left off.
 * @example errorMessage(new Error("POST /api/cypher: the query is a write.")) === "The query is a write."
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const message = text.replace(/^((GET|POST|PUT|PATCH|DELETE) )?\/?[\w.-]+(\/[\w%:.-]*)+: /, "");
  return message.charAt(0).toUpperCase() + message.slice(1);
}
