import { describe, expect, test } from "vitest";
import { placedText } from "../../client/ui/console-panel.js";

describe("the console's canvas summary", () => {
  test("when some of the result's nodes were already on the canvas, then only the new ones count as added", () => {
    expect(placedText({ added: 2, shown: 3 })).toBe("2 nodes added to the canvas, 3 already shown");
  });

  test("when every node is new, then no 'already shown' is said", () => {
    expect(placedText({ added: 1, shown: 0 })).toBe("1 node added to the canvas");
  });

  test("when every node was already there, then nothing counts as added", () => {
    expect(placedText({ added: 0, shown: 4 })).toBe("4 nodes already on the canvas");
  });
});
