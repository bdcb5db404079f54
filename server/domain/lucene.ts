/**
 * Turns what a person types into safe Lucene queries for the search indexes (cypher/schema.cypher),
 * and highlights matches for snippets. Every query string is a parameter, never Cypher text.
 */
import type { Highlighted } from "../../common/api-types.js";
import { contentWords, fold, nameKey, STOP_WORDS, words } from "../lib/search-words.js";

/** At most this many words or phrases of a query count; the rest is ignored. */
const MAX_UNITS = 12;

/**
 * Shortest word matched as a prefix ("lavr" → "lavrov"): names are few and short; in long text a
 * two-letter prefix would expand to thousands of terms on a large graph.
 */
export const PREFIX_MIN = { names: 2, text: 3 } as const;
export type IndexKind = keyof typeof PREFIX_MIN;

/** A stop word counts only in a query of nothing else, and then as a whole word ("to" is not "Torpamar"). */
const isPrefix = (word: string, kind: IndexKind) => word.length >= PREFIX_MIN[kind] && !STOP_WORDS.has(word);

/** Weights of the clauses that only order hits of equal coverage (each clause of coverage weighs 1). */
const TIE_BREAK = 0.02;
const FUZZY = 0.01;

/** A word, or a quoted phrase of two words or more, that a hit covers or not. */
interface Unit {
  kind: "word" | "phrase";
  /** Content words (stop words dropped unless the query has nothing else). */
  words: string[];
  /** A phrase's words as typed, stop words included: the text index counts their positions. */
  typed: string[];
}

export interface ParsedQuery {
  units: Unit[];
  /** The normalised name the whole text would be (nameKey), for exact name and alias lookups. */
  key: string | null;
}

/** Characters with a meaning in Lucene's query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Escapes every Lucene special character of a term. */
export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * The words and quoted phrases of a query. Punctuation and Lucene syntax are never operators;
 * stop words are dropped unless the query has nothing else. Returns null when nothing is left.
 * @example parseQuery('Wang Yi "no limits"') // units: wang, yi, phrase [no limits]… key "wang yi limits"
 */
export function parseQuery(text: string): ParsedQuery | null {
  const segments = text.split(/["“”„«»]/);
  const hasContent = words(text).some((word) => !STOP_WORDS.has(word));
  const keep = (list: string[]) => (hasContent ? list.filter((word) => !STOP_WORDS.has(word)) : list);
  const units: Unit[] = [];
  const seen = new Set<string>();
  const add = (unit: Unit) => {
    const id = `${unit.kind}:${unit.words.join(" ")}`;
    if (!seen.has(id) && units.length < MAX_UNITS) {
      seen.add(id);
      units.push(unit);
    }
  };
  segments.forEach((segment, index) => {
    const typed = words(segment);
    const kept = keep(typed);
    // Odd segments lie between quotes; an unclosed quote runs to the end.
    if (index % 2 === 1 && kept.length >= 2) add({ kind: "phrase", words: kept, typed });
    else for (const word of kept) add({ kind: "word", words: [word], typed: [word] });
  });
  if (units.length === 0) return null;
  return { units, key: nameKey(text) };
}

const or = (clauses: readonly string[]) => clauses.join(" OR ");

/**
 * The clauses of one unit. Coverage clauses are constant-score (a prefix or a one-term range is a
 * multi-term query, which Lucene scores by its boost alone), so a hit's score counts the units it
 * covers; plain terms (BM25), fuzzy terms and phrases add less than one unit, only to order hits
 * that cover the same. `field` is null for the text index, whose documents hold one of two fields.
 */
function unitClauses(unit: Unit, kind: IndexKind, field: string | null): string[] {
  const f = field === null ? "" : `${field}:`;
  const share = 1 / unit.words.length;
  const boost = (weight: number) => (weight === 1 ? "" : `^${Number(weight.toFixed(4))}`);
  const clauses = unit.words.flatMap((word) => {
    const term = escapeLucene(word);
    const covers = isPrefix(word, kind) ? `${f}${term}*` : `${f}[${term} TO ${term}]`;
    const fuzzy = word.length >= 5 ? [`${f}${term}~1${boost(FUZZY * share)}`] : [];
    return [`${covers}${boost(share)}`, `${f}${term}${boost(TIE_BREAK * share)}`, ...fuzzy];
  });
  if (unit.kind === "phrase") {
    // The text index drops stop words but keeps their positions: the phrase as typed matches
    // "nothing but rhetoric" and not "nothing rhetoric". Name keys hold content words only.
    const phrase = (kind === "text" ? unit.typed : unit.words).map(escapeLucene).join(" ");
    clauses.push(`${f}"${phrase}"`);
  }
  return clauses;
}

/** The Lucene queries of a parsed query, one per search index. */
export interface IndexQueries {
  /** search_keys (keyword analyzer over nameKeys): the whole query as one exact name or alias. */
  keys: string | null;
  /** search_names and search_titles (whitespace analyzer over nameKeys). */
  names: string;
  /** search_text (standard-folding over claim text and passage quotations). */
  text: string;
}

/**
 * @example luceneQueries(parseQuery("the SCO")!)
 * // { keys: 'nameKeys:"sco"', names: "nameKeys:sco* OR nameKeys:sco^0.02", text: "sco* OR sco^0.02" }
 */
export function luceneQueries(query: ParsedQuery): IndexQueries {
  return {
    keys: query.key === null ? null : `nameKeys:"${escapeLucene(query.key)}"`,
    names: or(query.units.flatMap((unit) => unitClauses(unit, "names", "nameKeys"))),
    text: or(query.units.flatMap((unit) => unitClauses(unit, "text", null))),
  };
}

/** How much of the query a text covers: units covered (of `of`; a phrase whose words lie apart counts in part), and how many as whole words. */
export interface Coverage {
  covered: number;
  whole: number;
  of: number;
}

/**
 * Which units of the query the texts (a node's name and aliases, or its text) cover, the way the
 * index matched them: a word as itself or, from PREFIX_MIN letters and unless a stop word, as the start of a word; a
 * phrase as consecutive content words of one text (its words apart count half).
 * @example coverage(parseQuery("wang lavr")!, ["Sergey Lavrov"], "names") // { covered: 1, whole: 0, of: 2 }
 */
export function coverage(query: ParsedQuery, texts: readonly string[], kind: IndexKind): Coverage {
  const sequences = texts.map((text) => contentWords(words(text)));
  const all = sequences.flat();
  let covered = 0;
  let whole = 0;
  for (const unit of query.units) {
    if (unit.kind === "word") {
      const [word = ""] = unit.words;
      if (all.includes(word)) {
        covered++;
        whole++;
      } else if (isPrefix(word, kind) && all.some((candidate) => candidate.startsWith(word))) covered++;
    } else if (sequences.some((sequence) => containsRun(sequence, unit.words))) {
      covered++;
      whole++;
    } else {
      // The phrase's words apart count for half of what they would together.
      covered += (0.5 * unit.words.filter((word) => all.includes(word)).length) / unit.words.length;
    }
  }
  return { covered, whole, of: query.units.length };
}

function containsRun(sequence: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= sequence.length; start++) {
    if (run.every((word, k) => sequence[start + k] === word)) return true;
  }
  return false;
}

/** The words a snippet marks: every word of every unit. */
export function markTerms(query: ParsedQuery): string[] {
  return [...new Set(query.units.flatMap((unit) => unit.words))];
}

/**
 * A short snippet of `text` around the first word that starts with a query term, as plain text
 * with every such word's range to highlight (nothing is escaped: the client's template does it).
 * Matching ignores case and diacritics; a term shorter than `prefixMin` marks only a word equal
 * to it (as the index matched it).
 * @example snippet("Sergey Lavrov met Wang Yi", ["lavr"]) // { text: "Sergey Lavrov met Wang Yi", highlights: [{ start: 7, end: 13 }] }
 */
export function snippet(text: string, terms: readonly string[], width = 160, prefixMin = 1): Highlighted {
  // Fold character by character, remembering where each folded character came from.
  let folded = "";
  const origin: number[] = [];
  for (let index = 0; index < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
    const f = fold(char);
    for (let k = 0; k < f.length; k++) origin.push(index);
    folded += f;
    index += char.length;
  }
  origin.push(text.length);

  const ranges: [number, number][] = [];
  const wordChar = /[\p{L}\p{N}]/u;
  for (const term of terms) {
    if (term.length === 0) continue;
    let at = folded.indexOf(term);
    while (at !== -1) {
      const startsWord = at === 0 || !wordChar.test(folded[at - 1] ?? "");
      let end = at + term.length;
      while (end < folded.length && wordChar.test(folded[end] ?? "")) end++;
      if (startsWord && (term.length >= prefixMin || end === at + term.length)) {
        ranges.push([origin[at] ?? 0, origin[end] ?? text.length]);
      }
      at = folded.indexOf(term, at + 1);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }

  const first = merged[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < first) from = space + 1;
  }
  let to = Math.min(text.length, from + width);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > Math.max(from, merged.find((r) => r[0] >= from)?.[1] ?? from)) to = space;
  }
  const lead = from > 0 ? "…" : "";
  const highlights: Highlighted["highlights"] = [];
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue;
    highlights.push({ start: lead.length + Math.max(start, from) - from, end: lead.length + Math.min(end, to) - from });
  }
  return { text: `${lead}${text.slice(from, to)}${to < text.length ? "…" : ""}`, highlights };
}
