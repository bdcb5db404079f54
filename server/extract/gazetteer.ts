/**
 * What the graph's own names are looked up by, beside the recogniser's names: capitalised word
 * runs of the text, and, for a single word, whether it is the surname of exactly one person the
 * graph holds ("Lavrov" when the text never names him in full).
 */
import { fold, STOP_WORDS } from "../lib/search-words.js";
import type { Candidate } from "./types.js";

/** A resolver's list this long may have been cut: a surname found in it is not known to be unique. */
const CUT_AT = 8;

/** Runs of one to four words starting with a capital, within a clause: what the graph's names are looked up by. */
export function capitalisedGrams(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  const word = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}-]*/gu;
  const tokens: { start: number; end: number; text: string; gap: string }[] = [];
  let last = 0;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], gap: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i];
    if (!first || !/^\p{Lu}/u.test(first.text)) continue;
    for (let n = 1; n <= 4 && i + n <= tokens.length; n++) {
      const lastToken = tokens[i + n - 1];
      if (!lastToken) break;
      if (n > 1 && !/^[ \u00a0]+$/.test(lastToken.gap)) break;
      // "Moscow and", "In the UNGA": a run that starts or ends with a stop word is not a name.
      if (STOP_WORDS.has(first.text.toLowerCase()) || STOP_WORDS.has(lastToken.text.toLowerCase())) continue;
      out.push({ start: first.start, end: lastToken.end, text: text.slice(first.start, lastToken.end) });
    }
  }
  return out;
}

/**
 * The one person among a single word's candidates whose last name is that word, or undefined
 * when none or several are (or the list may have been cut).
 * @example surnameOf("Lavrov", candidatesOfLavrov) // the candidate actor:sergey-lavrov
 */
export function surnameOf(word: string, candidates: readonly Candidate[]): Candidate | undefined {
  if (candidates.length >= CUT_AT) return undefined;
  const key = fold(word);
  const people = candidates.filter((c) => c.kind === "person" && fold(c.name.split(/\s+/).at(-1) ?? "") === key);
  return people.length === 1 && (people[0]?.score ?? 0) >= 0.75 ? people[0] : undefined;
}
