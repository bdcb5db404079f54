/** Quotations and ids for a compiled dataset: a span of the draft's text as evidence that locates exactly once, and kebab-case slugs. Pure. */
import { locate } from "../dataset/evidence.js";

/** A quotation as the dataset format writes it (server/dataset/schema.ts Evidence, without its source). */
export interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Characters of context tried, in turn, to make a repeated quotation unique. */
const CONTEXT = [8, 16, 32, 64, 128, 256];

/**
 * The quotation of `text.slice(start, end)`, whitespace at its ends left out, with as short a
 * prefix and/or suffix as makes it occur once (the validator's EVIDENCE_AMBIGUOUS otherwise). A
 * span shorter than the format's 3 characters is widened to `around` (its sentence).
 * @example quoteOf("a cat and a cat.", 12, 15) // { exact: "cat", prefix: "and a " }
 */
export function quoteOf(text: string, start: number, end: number, around?: { start: number; end: number }): Quote {
  let from = Math.max(0, Math.min(start, text.length));
  let to = Math.max(from, Math.min(end, text.length));
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (to - from < 3 && around) return quoteOf(text, around.start, around.end);
  const exact = text.slice(from, to);
  // Too short for the format (an empty or out-of-range span): the validator reports it, nothing to search.
  if (exact.length < 3 || isUnique(text, { exact })) return { exact };
  for (const n of CONTEXT) {
    const prefix = text.slice(Math.max(0, from - n), from);
    const suffix = text.slice(to, to + n);
    for (const candidate of [
      { exact, prefix },
      { exact, suffix },
      { exact, prefix, suffix },
    ]) {
      const quote = withoutEmpty(candidate);
      if (isUnique(text, quote)) return quote;
    }
  }
  // The text repeats itself for longer than any context tried: the validator reports it.
  return { exact };
}

const isUnique = (text: string, quote: Quote) => {
  const found = locate(text, quote);
  return found.found;
};

/** The format wants no empty prefix or suffix (at the text's start or end there is none). */
function withoutEmpty(quote: { exact: string; prefix?: string; suffix?: string }): Quote {
  return {
    exact: quote.exact,
    ...(quote.prefix ? { prefix: quote.prefix } : {}),
    ...(quote.suffix ? { suffix: quote.suffix } : {}),
  };
}

/**
 * A kebab-case slug of ASCII letters and digits, diacritics folded, at most `max` characters cut at
 * a word; "" when nothing is left (a name in another script).
 * @example slugOf("Sergéy Lavrov’s talks") // "sergey-lavrov-s-talks"
 */
export function slugOf(text: string, max = 60): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > max) break;
    slug = next;
  }
  return slug || (words[0] ?? "").slice(0, max);
}
