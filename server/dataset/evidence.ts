/** Finding a quotation in its source text (W3C TextQuoteSelector semantics), page furniture and the paragraph around a span: pure functions. */
import type { Evidence } from "./schema.js";

export type Located =
  | { found: true; start: number; end: number }
  | { found: false; reason: "not-found" }
  | { found: false; reason: "context-mismatch"; occurrences: number }
  | { found: false; reason: "ambiguous"; matches: number };

/**
 * Where `exact` occurs in `text`, given that `prefix` (if any) ends right before it and `suffix`
 * (if any) starts right after it. Only one such place may exist.
 * @example locate("a cat and a cat.", { exact: "cat", suffix: "." }) // { found: true, start: 12, end: 15 }
 */
export function locate(text: string, evidence: Pick<Evidence, "exact" | "prefix" | "suffix">): Located {
  const { exact, prefix, suffix } = evidence;
  let occurrences = 0;
  const matches: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    occurrences++;
    const end = at + exact.length;
    const prefixOk = prefix === undefined || (at >= prefix.length && text.slice(at - prefix.length, at) === prefix);
    const suffixOk = suffix === undefined || text.slice(end, end + suffix.length) === suffix;
    if (prefixOk && suffixOk) matches.push(at);
  }
  if (occurrences === 0) return { found: false, reason: "not-found" };
  if (matches.length === 0) return { found: false, reason: "context-mismatch", occurrences };
  if (matches.length > 1) return { found: false, reason: "ambiguous", matches: matches.length };
  const start = matches[0] as number;
  return { found: true, start, end: start + exact.length };
}

export interface LineSpan {
  start: number;
  /** Exclusive; the line break is not part of the line. */
  end: number;
  text: string;
}

/** The text's lines with their offsets. */
function lines(text: string): LineSpan[] {
  const result: LineSpan[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    result.push({ start, end, text: line.endsWith("\r") ? line.slice(0, -1) : line });
    if (newline === -1) return result;
    start = newline + 1;
  }
}

/** The lines of `text` that are page furniture: lines equal to one of `furniture` (whitespace-trimmed). */
export function furnitureLines(text: string, furniture: readonly string[]): LineSpan[] {
  const wanted = new Set(furniture.map((line) => line.trim()));
  return lines(text).filter((line) => wanted.has(line.text.trim()));
}

/**
 * A source's furniture lines, found once per source object rather than once per quotation of it
 * (each search splits the whole text into lines). Held in a WeakMap: they go with the object, so
 * a streaming reader's bounded cache of texts stays bounded.
 * @example const furnitureOf = furnitureCache(); furnitureOf(source) // the same array for the same source
 */
export function furnitureCache(): (source: { text: string; document: { furniture: readonly string[] } }) => LineSpan[] {
  const cache = new WeakMap<object, LineSpan[]>();
  return (source) => {
    let found = cache.get(source);
    if (!found) {
      found = source.document.furniture.length > 0 ? furnitureLines(source.text, source.document.furniture) : [];
      cache.set(source, found);
    }
    return found;
  };
}

/** True when the span start..end overlaps one of the lines. */
export function overlapsAny(start: number, end: number, spans: readonly LineSpan[]): boolean {
  return spans.some((line) => start < Math.max(line.end, line.start + 1) && end > line.start);
}

const isBlank = (line: string) => line.trim().length === 0;

/**
 * The paragraph around start..end: the run of lines holding the span, bounded by blank lines or
 * furniture lines. `offset` is where `start` falls inside the paragraph.
 * @example paragraphAround("A.\n\nB c.\nD.\n\nE.", 4, 5) // { text: "B c.\nD.", start: 4, offset: 0 }
 */
export function paragraphAround(
  text: string,
  start: number,
  end: number,
  furniture: readonly LineSpan[] = [],
): { text: string; start: number; offset: number } {
  const all = lines(text);
  const isBoundary = (line: LineSpan) => isBlank(line.text) || furniture.some((f) => f.start === line.start);
  let first = all.findIndex((line) => start >= line.start && start <= line.end);
  let last = all.findIndex((line) => end - 1 >= line.start && end - 1 <= line.end);
  if (first === -1) first = 0;
  if (last === -1 || last < first) last = first;
  while (first > 0 && !isBoundary(all[first - 1] as LineSpan)) first--;
  while (last < all.length - 1 && !isBoundary(all[last + 1] as LineSpan)) last++;
  const paragraphStart = (all[first] as LineSpan).start;
  const paragraphEnd = (all[last] as LineSpan).end;
  return { text: text.slice(paragraphStart, paragraphEnd), start: paragraphStart, offset: start - paragraphStart };
}
