import { describe, expect, test } from "vitest";
import { paragraphs, sentences } from "../../server/extract/segment.js";

const slices = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe("extract: paragraphs and sentences", () => {
  test("when blocks are separated by blank lines or a line ends a sentence, then each is a paragraph", () => {
    const text =
      "Title Here\n\nFirst one. Second one.\nKeywords: a, b\n\nLast paragraph that is written across a hard\nwrapped line that does not end a sentence here.";
    expect(slices(text, paragraphs(text))).toEqual([
      "Title Here",
      "First one. Second one.",
      "Keywords: a, b",
      "Last paragraph that is written across a hard\nwrapped line that does not end a sentence here.",
    ]);
  });

  test("when a full stop follows an abbreviation or an initial, then the sentence goes on", () => {
    const text = "Despite U.S. Treasury warnings, V. Putin came. Then he left! Was it (the) end? Yes.";
    expect(slices(text, sentences(text))).toEqual([
      "Despite U.S. Treasury warnings, V. Putin came.",
      "Then he left!",
      "Was it (the) end?",
      "Yes.",
    ]);
  });
});
