import { describe, expect, test } from "vitest";
import { canvasCommand, isUndoKey, steppedNode } from "../../client/shell/keyboard.js";

const node = { selected: "actor:wang-yi", isNode: true };
const edge = { selected: "actor:sergey-lavrov|MET|actor:wang-yi", isNode: false };
const none = { selected: undefined, isNode: false };

describe("the canvas's keys", () => {
  test("when Enter is pressed with a node selected, then it expands; with an edge or nothing, then nothing happens", () => {
    expect(canvasCommand("Enter", node)).toBe("expand");
    expect(canvasCommand("Enter", edge)).toBeUndefined();
    expect(canvasCommand("Enter", none)).toBeUndefined();
  });

  test("when Delete or Backspace is pressed with something selected, then it is hidden", () => {
    expect(canvasCommand("Delete", node)).toBe("hide");
    expect(canvasCommand("Backspace", edge)).toBe("hide");
    expect(canvasCommand("Delete", none)).toBeUndefined();
  });

  test("when Escape, n or p is pressed, then the selection clears or steps; other keys are not the canvas's", () => {
    expect(canvasCommand("Escape", node)).toBe("clear");
    expect(canvasCommand("n", none)).toBe("next");
    expect(canvasCommand("p", node)).toBe("previous");
    expect(canvasCommand("x", node)).toBeUndefined();
    expect(canvasCommand("Tab", node)).toBeUndefined();
  });

  test("when n or p steps past an end, then it goes round to the other end", () => {
    const ids = ["a", "b", "c"];
    expect(steppedNode(ids, "a", "next")).toBe("b");
    expect(steppedNode(ids, "c", "next")).toBe("a");
    expect(steppedNode(ids, "a", "previous")).toBe("c");
    expect(steppedNode(ids, "b", "previous")).toBe("a");
  });

  test("when nothing (or a hidden node) is selected, then n selects the first node and p the last", () => {
    const ids = ["a", "b", "c"];
    expect(steppedNode(ids, undefined, "next")).toBe("a");
    expect(steppedNode(ids, undefined, "previous")).toBe("c");
    expect(steppedNode(ids, "hidden", "next")).toBe("a");
  });

  test("when there are no visible nodes, then n and p select nothing", () => {
    expect(steppedNode([], "a", "next")).toBeUndefined();
  });

  test("when Ctrl+Z or ⌘Z is pressed outside text fields, then it undoes; inside the editor or a field, then it does not", () => {
    const outside = { closest: () => null };
    const inField = { closest: () => ({}) };
    expect(isUndoKey({ key: "z", ctrlKey: true, metaKey: false }, outside)).toBe(true);
    expect(isUndoKey({ key: "z", ctrlKey: false, metaKey: true }, outside)).toBe(true);
    expect(isUndoKey({ key: "z", ctrlKey: true, metaKey: false }, inField)).toBe(false);
    expect(isUndoKey({ key: "z", ctrlKey: false, metaKey: false }, outside)).toBe(false);
    expect(isUndoKey({ key: "y", ctrlKey: true, metaKey: false }, outside)).toBe(false);
  });
});
