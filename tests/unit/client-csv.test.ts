import { describe, expect, test } from "vitest";
import { cellText, toCsv } from "../../client/export/csv.js";

describe("client CSV export", () => {
  test("when cells hold commas, quotes or line breaks, then they are quoted as RFC 4180 says", () => {
    expect(
      toCsv(
        ["name", "note"],
        [
          ["Wang, Yi", 'said "no"'],
          ["a\nb", 3],
        ],
      ),
    ).toBe('name,note\r\n"Wang, Yi","said ""no"""\r\n"a\nb",3\r\n');
  });

  test("when cells hold graph references or objects, then ids (or labels) and JSON are written", () => {
    expect(cellText({ $node: "actor:wang-yi" })).toBe("actor:wang-yi");
    expect(cellText({ $node: "actor:wang-yi" }, new Map([["actor:wang-yi", "Wang Yi"]]))).toBe("Wang Yi");
    expect(cellText({ $path: { nodes: ["a", "b"], edges: ["a|X|b"] } })).toBe("a → b");
    expect(cellText({ x: 1 })).toBe('{"x":1}');
    expect(cellText(null)).toBe("");
  });
});
