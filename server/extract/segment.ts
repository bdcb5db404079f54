/** Paragraphs and sentences of a text, as offsets: what every proposal is anchored in. */
import type { Span } from "./types.js";

/**
 * Paragraphs: blocks between blank lines; inside a block, a line break after a line that ends a
 * sentence or is short (a heading, a byline) also ends a paragraph, as text pasted from a web page
 * has one paragraph per line. Hard-wrapped prose (long lines that do not end a sentence) stays whole.
 * @example paragraphs("Title\n\nOne. Two.") // [{start: 0, end: 5}, {start: 7, end: 16}]
 */
export function paragraphs(text: string): Span[] {
  const lines: Span[] = [];
  const re = /[^\n]*/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    lines.push({ start: m.index, end: m.index + m[0].length });
    if (m.index + m[0].length >= text.length) break;
    re.lastIndex = m.index + m[0].length + 1;
  }
  const out: Span[] = [];
  let current: Span | null = null;
  for (const line of lines) {
    const content = trimSpan(text, line);
    if (content === null) {
      if (current) out.push(current);
      current = null;
      continue;
    }
    if (current === null) current = content;
    else current.end = content.end;
    const body = text.slice(content.start, content.end);
    const next = lines[lines.indexOf(line) + 1];
    const nextStartsLower = next !== undefined && /^\s*\p{Ll}/u.test(text.slice(next.start, next.end));
    if (/[.!?:"”’)]$/.test(body) || (body.length < 80 && !nextStartsLower)) {
      out.push(current);
      current = null;
    }
  }
  if (current) out.push(current);
  return out;
}

function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return start < end ? { start, end } : null;
}

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms dr prof gen col lt sgt capt adm gov sen rep st jr sr inc ltd co corp no vs etc e.g i.e u.s u.k u.n e.u jan feb mar apr jun jul aug sep sept oct nov dec approx dept est fig".split(
    " ",
  ),
);

/**
 * Sentences inside each paragraph: a sentence ends at . ! or ? (with any closing quote or bracket)
 * before a space and a capital, digit or opening quote, unless the word is an abbreviation or an
 * initial ("U.S. Treasury", "J. Smith").
 */
export function sentences(text: string, paras: readonly Span[] = paragraphs(text)): Span[] {
  const out: Span[] = [];
  for (const para of paras) {
    let start = para.start;
    const body = text.slice(para.start, para.end);
    const re = /[.!?]+["”’')\]]*(?=\s+["“‘'(]?[\p{Lu}\p{N}])/gu;
    for (let m = re.exec(body); m !== null; m = re.exec(body)) {
      const at = para.start + m.index;
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, at))?.[1] ?? "";
      const bare = word.replace(/\.$/, "").toLowerCase();
      if (
        m[0].startsWith(".") &&
        (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word))
      )
        continue;
      const end = at + m[0].length;
      out.push({ start, end });
      start = end;
      while (start < para.end && /\s/.test(text[start] ?? "")) start++;
    }
    if (start < para.end) out.push({ start, end: para.end });
  }
  return out;
}
