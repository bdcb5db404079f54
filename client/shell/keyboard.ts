/**
 * The keyboard: on the canvas Enter expands the selected node, Delete (or Backspace) hides the selection, Escape clears
 * it, n and p step through the visible nodes; Ctrl+Z (⌘Z) undoes a canvas change anywhere but in a text field.
 */

export type CanvasCommand = "expand" | "hide" | "clear" | "next" | "previous";

/**
 * The command a key pressed on the canvas stands for, given the selection (undefined: the key is not the canvas's).
 * @example canvasCommand("Enter", { selected: "actor:wang-yi", isNode: true }) === "expand"
 */
export function canvasCommand(
  key: string,
  selection: { selected: string | undefined; isNode: boolean },
): CanvasCommand | undefined {
  const { selected } = selection;
  if (key === "Enter" && selected && selection.isNode) return "expand";
  if ((key === "Delete" || key === "Backspace") && selected) return "hide";
  if (key === "Escape") return "clear";
  if (key === "n") return "next";
  if (key === "p") return "previous";
  return undefined;
}

/**
 * The node n or p moves to in `ids` (the visible nodes in label order), going round at the ends; with no visible
 * node selected, n starts at the first and p at the last.
 * @example steppedNode(["a", "b", "c"], "c", "next") === "a"
 */
export function steppedNode(
  ids: readonly string[],
  selected: string | undefined,
  direction: "next" | "previous",
): string | undefined {
  if (ids.length === 0) return undefined;
  const index = selected === undefined ? -1 : ids.indexOf(selected);
  if (index < 0) return direction === "next" ? ids[0] : ids[ids.length - 1];
  return ids[(index + (direction === "next" ? 1 : ids.length - 1)) % ids.length];
}

/** Whether a key press asks to undo a canvas change: Ctrl+Z or ⌘Z outside the editor and text fields, which undo their own. */
export function isUndoKey(
  key: { key: string; ctrlKey: boolean; metaKey: boolean },
  target: { closest(selector: string): unknown } | null,
): boolean {
  return (key.ctrlKey || key.metaKey) && key.key === "z" && !target?.closest(".cm-editor, input, textarea");
}

export interface KeyboardActions {
  selected(): string | undefined;
  isNode(id: string): boolean;
  /** Ids of the visible nodes, in label order. */
  visibleNodes(): string[];
  expand(id: string): void;
  hide(id: string): void;
  select(id: string | undefined): void;
  /** Undoes the last canvas change; false when there was none. */
  undo(): boolean;
}

/** Listens for the canvas's keys on `canvas` and for undo on the whole document. */
export function bindKeyboard(canvas: HTMLElement, actions: KeyboardActions): void {
  canvas.addEventListener("keydown", (event) => {
    const selected = actions.selected();
    const command = canvasCommand(event.key, { selected, isNode: selected ? actions.isNode(selected) : false });
    if (!command) return;
    if (command === "expand" || command === "hide") event.preventDefault();
    if (command === "expand" && selected) actions.expand(selected);
    else if (command === "hide" && selected) actions.hide(selected);
    else if (command === "clear") actions.select(undefined);
    else if (command === "next" || command === "previous") {
      const next = steppedNode(actions.visibleNodes(), selected, command);
      if (next) actions.select(next);
    }
  });
  document.addEventListener("keydown", (event) => {
    if (isUndoKey(event, event.target as Element | null) && actions.undo()) event.preventDefault();
  });
}
