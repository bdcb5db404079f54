/** Turns what a person types into a safe Lucene query for the full-text index, and highlights matches for snippets. */

/** Characters with a meaning in Lucene's query syntax. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** Lower case, without diacritics: "Sergeï" → "sergei" (what the standard-folding analyzer does to indexed text). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** The words of a query: folded, split on anything that is not a letter or digit, at most 12. */
export function queryTerms(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 12);
}

/** Escapes every Lucene special character of a term. */
export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * A Lucene query that requires every word, each matched as itself (boosted), as a prefix
 * ("lavr" → "lavrov"), preferably in a name or alias, or, for words of five letters or more,
 * with one typo. Returns null when the text holds no word. Passed to Neo4j as a parameter,
 * never spliced into Cypher.
 * @example luceneQuery("Lavr") === "(name:lavr*^4 OR aliasText:lavr*^3 OR lavr^2 OR lavr*)"
 */
export function luceneQuery(text: string): string | null {
  const terms = queryTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map((term) => {
      const escaped = escapeLucene(term);
      const fuzzy = term.length >= 5 ? ` OR ${escaped}~1` : "";
      // Names and aliases first: a prefix match scores the same whatever the field otherwise.
      return `(name:${escaped}*^4 OR aliasText:${escaped}*^3 OR ${escaped}^2 OR ${escaped}*${fuzzy})`;
    })
    .join(" AND ");
}

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes[char] ?? char);
}

/**
 * A short snippet of `text` around the first word that starts with a query term, HTML-escaped,
 * with every such word wrapped in `<mark>`. Matching ignores case and diacritics.
 * @example snippet("Sergey Lavrov met Wang Yi", ["lavr"]) === "Sergey <mark>Lavrov</mark> met Wang Yi"
 */
export function snippet(text: string, terms: readonly string[], width = 160): string {
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
      if (startsWord) {
        let end = at + term.length;
        while (end < folded.length && wordChar.test(folded[end] ?? "")) end++;
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
  let out = from > 0 ? "…" : "";
  let cursor = from;
  for (const [start, end] of merged) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    out += `${escapeHtml(text.slice(cursor, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    cursor = e;
  }
  out += escapeHtml(text.slice(cursor, to));
  if (to < text.length) out += "…";
  return out;
}
