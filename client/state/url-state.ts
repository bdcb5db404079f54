/** The one owner of the URL: what a link holds (focus, selection, filters, time range, open panel) and history push/popstate. */
import { NODE_TYPES, type NodeType } from "../../common/api-types.js";

export const PANELS = ["details", "meetings", "paths", "console", "views"] as const;
export type PanelName = (typeof PANELS)[number];

export interface ViewState {
  /** Node whose neighbourhood the canvas shows; none means the overview. */
  focus?: string | undefined;
  /** Selected node or edge. */
  selected?: string | undefined;
  panel?: PanelName | undefined;
  hiddenTypes: NodeType[];
  hiddenRels: string[];
  from?: string | undefined;
  to?: string | undefined;
  /** Meetings panel: actor, counterpart and forum. */
  actor?: string | undefined;
  with?: string | undefined;
  forum?: string | undefined;
  /** Paths panel: the two ends. */
  pathFrom?: string | undefined;
  pathTo?: string | undefined;
  /** The review screen: a draft's id, or "new" to add a source (client/review/). */
  review?: string | undefined;
}

export const emptyViewState = (): ViewState => ({ hiddenTypes: [], hiddenRels: [] });

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const list = (value: string | null) => (value ? value.split(",").filter((item) => item.length > 0) : []);
const text = (value: string | null) => (value && value.length <= 500 ? value : undefined);

/**
 * Reads a view from a query string; unknown or malformed values are dropped, never thrown.
 * @example parseViewState("?focus=actor%3Awang-yi&panel=meetings").focus === "actor:wang-yi"
 */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const panel = params.get("panel");
  const from = params.get("from");
  const to = params.get("to");
  return {
    focus: text(params.get("focus")),
    selected: text(params.get("sel")),
    panel: PANELS.includes(panel as PanelName) ? (panel as PanelName) : undefined,
    hiddenTypes: list(params.get("hide")).filter((type): type is NodeType => NODE_TYPES.includes(type as NodeType)),
    hiddenRels: list(params.get("hideRels")).filter((rel) => /^[A-Z_]{1,40}$/.test(rel)),
    from: from && ISO_PREFIX.test(from) ? from : undefined,
    to: to && ISO_PREFIX.test(to) ? to : undefined,
    actor: text(params.get("actor")),
    with: text(params.get("with")),
    forum: text(params.get("forum")),
    pathFrom: text(params.get("pathFrom")),
    pathTo: text(params.get("pathTo")),
    review: text(params.get("review")),
  };
}

/**
 * Writes a view as a query string (with its leading "?", or "" when there is nothing to say), in a stable key order.
 * @example serializeViewState({ ...emptyViewState(), focus: "forum:sco" }) === "?focus=forum%3Asco"
 */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  put("focus", state.focus);
  put("sel", state.selected);
  put("panel", state.panel);
  put("hide", [...state.hiddenTypes].sort().join(","));
  put("hideRels", [...state.hiddenRels].sort().join(","));
  put("from", state.from);
  put("to", state.to);
  put("actor", state.actor);
  put("with", state.with);
  put("forum", state.forum);
  put("pathFrom", state.pathFrom);
  put("pathTo", state.pathTo);
  put("review", state.review);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Whether two views would give the same URL. */
const sameView = (a: ViewState, b: ViewState) => serializeViewState(a) === serializeViewState(b);

/**
 * Binds the view state to the browser's location: `update` pushes (or replaces) a history entry,
 * and back/forward call `onChange` with the view of that entry.
 */
export class UrlState {
  #state: ViewState;
  readonly #onChange: (state: ViewState) => void;

  constructor(onChange: (state: ViewState) => void) {
    this.#state = parseViewState(window.location.search);
    this.#onChange = onChange;
    window.addEventListener("popstate", () => {
      this.#state = parseViewState(window.location.search);
      this.#onChange(this.#state);
    });
  }

  get state(): ViewState {
    return this.#state;
  }

  /** Applies a change; `replace` for changes not worth a back step (such as dragging the time range). */
  update(change: Partial<ViewState>, options: { replace?: boolean } = {}): ViewState {
    const next = { ...this.#state, ...change };
    if (sameView(next, this.#state)) return this.#state;
    this.#state = next;
    const url = `${window.location.pathname}${serializeViewState(next)}`;
    if (options.replace) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
    return next;
  }
}
