/** Saved views: the canvas (elements and positions) with its filters and time range, kept in the browser's storage or a file. */
import type { EdgeData, NodeData } from "../../common/api-types.js";
import { emptyViewState, parseViewState, serializeViewState, type ViewState } from "../state/url-state.js";

export interface SavedView {
  name: string;
  savedAt: string;
  /** The URL state (filters, time range, focus, panel) as a query string. */
  state: string;
  nodes: { data: NodeData; position?: { x: number; y: number } }[];
  edges: { data: EdgeData }[];
}

/** What a view file holds: a format marker and one or more views. */
export interface ViewFile {
  format: "liaison-views";
  version: 1;
  views: SavedView[];
}

const STORAGE_KEY = "liaison.views.v1";

/** Thrown when a file or stored value is not a view file. */
export class ViewFileError extends Error {
  constructor(message: string) {
    super(`saved views: ${message}`);
    this.name = "ViewFileError";
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function checkView(value: unknown, index: number): SavedView {
  if (!isObject(value)) throw new ViewFileError(`view ${index + 1} is not an object.`);
  const { name, savedAt, state, nodes, edges } = value;
  if (typeof name !== "string" || name.trim() === "") throw new ViewFileError(`view ${index + 1} has no name.`);
  if (!Array.isArray(nodes) || !Array.isArray(edges)) throw new ViewFileError(`view "${name}" has no elements.`);
  for (const element of [...nodes, ...edges]) {
    if (!isObject(element) || !isObject(element.data) || typeof element.data.id !== "string") {
      throw new ViewFileError(`view "${name}" holds an element without an id.`);
    }
  }
  for (const edge of edges as { data: Record<string, unknown> }[]) {
    if (typeof edge.data.source !== "string" || typeof edge.data.target !== "string") {
      throw new ViewFileError(`view "${name}" holds an edge without its ends.`);
    }
  }
  return {
    name,
    savedAt: typeof savedAt === "string" ? savedAt : new Date(0).toISOString(),
    state: typeof state === "string" ? serializeViewState(parseViewState(state)) : "",
    nodes: nodes as SavedView["nodes"],
    edges: edges as SavedView["edges"],
  };
}

/**
 * Reads a view file (text), checking its shape; throws ViewFileError naming what is wrong.
 * @example parseViewFile('{"format":"liaison-views","version":1,"views":[]}').views.length === 0
 */
export function parseViewFile(text: string): ViewFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ViewFileError("the file is not JSON.");
  }
  if (!isObject(value) || value.format !== "liaison-views")
    throw new ViewFileError("the file is not a Liaison view file.");
  if (value.version !== 1) throw new ViewFileError(`version ${String(value.version)} is not supported.`);
  if (!Array.isArray(value.views)) throw new ViewFileError("the file lists no views.");
  return { format: "liaison-views", version: 1, views: value.views.map(checkView) };
}

export const viewFile = (views: SavedView[]): ViewFile => ({ format: "liaison-views", version: 1, views });

/** The view state a saved view restores. */
export const savedViewState = (view: SavedView): ViewState =>
  view.state ? parseViewState(view.state) : emptyViewState();

/** Views kept in a Storage (localStorage in the browser), newest first, one per name. */
export class ViewStore {
  readonly #storage: Pick<Storage, "getItem" | "setItem">;
  constructor(storage: Pick<Storage, "getItem" | "setItem">) {
    this.#storage = storage;
  }

  list(): SavedView[] {
    const text = this.#storage.getItem(STORAGE_KEY);
    if (!text) return [];
    try {
      return parseViewFile(text).views;
    } catch {
      return [];
    }
  }

  /** Saves (or replaces the view of the same name). */
  save(view: SavedView): void {
    const views = [view, ...this.list().filter((other) => other.name !== view.name)];
    this.#storage.setItem(STORAGE_KEY, JSON.stringify(viewFile(views)));
  }

  remove(name: string): void {
    this.#storage.setItem(STORAGE_KEY, JSON.stringify(viewFile(this.list().filter((view) => view.name !== name))));
  }

  /** Adds every view of a file; returns how many. */
  importFile(text: string): number {
    const { views } = parseViewFile(text);
    for (const view of [...views].reverse()) this.save(view);
    return views.length;
  }
}
