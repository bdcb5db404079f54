import { describe, expect, test } from "vitest";
import { contentSha256, normaliseText, paragraphSpans, sentenceSpans } from "../../server/sources/normalise.js";

describe("normaliseText", () => {
  test("when line ends, spaces, zero-width characters and blank lines differ, then the normal form is the same", () => {
    const a = "Wang Yi met Lavrov.\n\nThey talked.";
    const b = "\uFEFF  Wang Yi  met\tLavrov. \r\n\r\n\r\n\r\nThey\u200B talked.  \n";
    expect(normaliseText(b)).toBe(a);
    expect(contentSha256(b)).toBe(contentSha256(a));
  });

  test("when text is composed differently in Unicode, then it is NFC and hashes the same", () => {
    expect(normaliseText("Sergei\u0308")).toBe("Sergeï");
    expect(contentSha256("Sergei\u0308")).toBe(contentSha256("Sergeï"));
  });

  test("when text holds curly quotes, non-breaking spaces and single line breaks, then they stay (quotes must be verbatim)", () => {
    expect(normaliseText("“No limits,” he said.\u00A0Then\nmore.")).toBe("“No limits,” he said.\u00A0Then\nmore.");
  });

  test("when text holds control characters, then they are dropped", () => {
    expect(normaliseText("a\u0001b\u0007c\u0085d")).toBe("abcd");
  });

  test("when two texts differ in a word, then their hashes differ", () => {
    expect(contentSha256("Wang Yi met Lavrov.")).not.toBe(contentSha256("Wang Yi met Putin."));
  });
});

describe("paragraphSpans and sentenceSpans", () => {
  const text = "First sentence. Second one?\nSame paragraph!\n\nDr. Smith arrived at 3 p.m. on Monday. He left.";

  test("when text has blank lines, then paragraphs are the blocks between them", () => {
    expect(paragraphSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      "First sentence. Second one?\nSame paragraph!",
      "Dr. Smith arrived at 3 p.m. on Monday. He left.",
    ]);
  });

  test("when sentences are split, then offsets index the text, never cross a paragraph and carry no surrounding space", () => {
    const sentences = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    expect(sentences).toContain("First sentence.");
    expect(sentences).toContain("He left.");
    for (const sentence of sentences) {
      expect(sentence).toBe(sentence.trim());
      expect(sentence).not.toContain("\n\n");
    }
  });

  test("when text is empty, then there are no paragraphs or sentences", () => {
    expect(paragraphSpans("")).toEqual([]);
    expect(sentenceSpans("")).toEqual([]);
  });
});
