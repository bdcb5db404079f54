/** The review screen's keys: which command a key press stands for, and the list `?` shows. */

export type ReviewCommand = "next" | "previous" | "accept" | "reject" | "unsure" | "edit" | "undo" | "help" | "close";

/** The keys, for the help overlay and the README (in this order). */
export const REVIEW_KEYS: readonly { keys: string[]; what: string }[] = [
  { keys: ["j", "↓"], what: "next proposal" },
  { keys: ["k", "↑"], what: "previous proposal" },
  { keys: ["a"], what: "accept, then the next unreviewed" },
  { keys: ["r"], what: "reject, then the next unreviewed" },
  { keys: ["u"], what: "unsure (recorded; it does not enter the graph)" },
  { keys: ["e"], what: "edit the proposal" },
  { keys: ["z"], what: "undo the last decision" },
  { keys: ["?"], what: "show or hide these keys" },
  { keys: ["Esc"], what: "close the editor, popover or this list" },
];

const COMMANDS: Record<string, ReviewCommand> = {
  j: "next",
  ArrowDown: "next",
  k: "previous",
  ArrowUp: "previous",
  a: "accept",
  r: "reject",
  u: "unsure",
  e: "edit",
  z: "undo",
  "?": "help",
  Escape: "close",
};

/**
 * The command of a key press on the review screen; none while typing in a field or with Ctrl, ⌘ or Alt held
 * (those belong to the browser and the fields).
 * @example reviewCommand({ key: "a", ctrlKey: false, metaKey: false, altKey: false }, null) === "accept"
 */
export function reviewCommand(
  key: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  target: { closest(selector: string): unknown } | null,
): ReviewCommand | undefined {
  if (key.ctrlKey || key.metaKey || key.altKey) return undefined;
  const command = COMMANDS[key.key];
  if (!command) return undefined;
  const typing = target?.closest("input, textarea, select, [contenteditable='true']");
  // Escape still closes what is open when pressed in a field (the editor's, the popover's).
  if (typing && command !== "close") return undefined;
  return command;
}
