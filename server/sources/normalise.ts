/** The one normal form of a source's text, its hash, and its paragraphs and sentences with offsets into it. */
import { createHash } from "node:crypto";

/** A stretch of the normalised text: `text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The text as it is stored and hashed: Unicode NFC, `\n` line ends, no zero-width or control
 * characters, runs of spaces and tabs as one space, no space at either end of a line, paragraphs
 * separated by exactly one blank line, nothing before the first or after the last. Non-breaking
 * spaces and curly quotes stay: quotations must be verbatim.
 * @example normaliseText("  Hello\r\n\r\n\r\nworld\t \n") === "Hello\n\nworld"
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .normalize("NFC")
      .replace(/\r\n?/g, "\n")
      // Zero-width characters and the byte-order mark change the hash without changing the text.
      .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
      .replace(/\f|\v/g, "\n")
      // Other C0/C1 controls have no place in an article's text.
      .replace(/[^\P{Cc}\t\n]/gu, "")
      .replace(/[ \t]+/g, " ")
      .replace(/ ?\n ?/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/**
 * The sha256 (hex) of the normalised text: equal for two sources exactly when their normalised
 * texts are equal. The loader stores it on Source nodes as `contentSha256`.
 */
export function contentSha256(text: string): string {
  return createHash("sha256").update(normaliseText(text), "utf8").digest("hex");
}

/**
 * Paragraphs of normalised text: the blocks between blank lines.
 * @example paragraphSpans("One.\n\nTwo.") → [{start: 0, end: 4}, {start: 6, end: 10}]
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/[^\n](?:[^\n]|\n(?!\n))*/g)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

const sentenceSegmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/**
 * Sentences of normalised text, never across a paragraph break, without surrounding spaces
 * (Intl.Segmenter's sentence rules, built into Node: no dependency).
 * @example sentenceSpans("He came. She left.") → [{start: 0, end: 8}, {start: 9, end: 18}]
 */
export function sentenceSpans(text: string, paragraphs: readonly Span[] = paragraphSpans(text)): Span[] {
  const spans: Span[] = [];
  for (const paragraph of paragraphs) {
    const body = text.slice(paragraph.start, paragraph.end);
    for (const { segment, index } of sentenceSegmenter.segment(body)) {
      const lead = segment.length - segment.trimStart().length;
      const trimmed = segment.trim();
      if (!trimmed) continue;
      const start = paragraph.start + index + lead;
      spans.push({ start, end: start + trimmed.length });
    }
  }
  return spans;
}
