/**
 * What a library knows about each word, by offset: is it a proper noun, a person's name, a
 * country, a city, an organisation, a demonym, an honorific. The recogniser (names.ts) chunks and
 * types names from these tags. The bench compares taggers: compromise here, wink-nlp in bench/extract-wink.ts.
 */
import nlp from "compromise";

export interface WordTags {
  proper: boolean;
  person: boolean;
  country: boolean;
  city: boolean;
  place: boolean;
  organisation: boolean;
  demonym: boolean;
  honorific: boolean;
  /** A word the tagger knows as ordinary English (adjective, verb, adverb…), not a name. */
  common: boolean;
}

/** Tags per word start offset. */
export type Tagger = { name: string; tag(text: string): Map<number, WordTags> };

interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

function tagsOf(tags: readonly string[]): WordTags {
  const has = (tag: string) => tags.includes(tag);
  return {
    proper: has("ProperNoun") || has("Acronym"),
    person: has("Person") && !has("Honorific"),
    country: has("Country"),
    city: has("City"),
    place: has("Place") && !has("Country"),
    organisation: has("Organization"),
    demonym: has("Demonym"),
    honorific: has("Honorific"),
    // A word of the lexicon that is not a noun: capitalised at a sentence start, it is not a name.
    common:
      !has("ProperNoun") &&
      ["Adjective", "Adverb", "Verb", "Determiner", "Preposition", "Conjunction", "Pronoun"].some(has),
  };
}

const partCache = new Map<string, WordTags>();
/** The tags of one word alone (a part of a hyphenated term). */
function partTags(word: string): WordTags {
  let tags = partCache.get(word);
  if (!tags) {
    const terms = (nlp(word).json({ terms: { offset: false } }) as { terms: { tags: string[] }[] }[])[0]?.terms ?? [];
    tags = tagsOf(terms[0]?.tags ?? []);
    if (partCache.size < 10_000) partCache.set(word, tags);
  }
  return tags;
}

/** compromise: a lexicon of first and last names, countries, cities and organisations, plus a rule-based tagger. */
export const compromiseTagger: Tagger = {
  name: "compromise",
  tag(text) {
    const out = new Map<number, WordTags>();
    const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: CompromiseTerm[] }[];
    for (const sentence of json) {
      for (const term of sentence.terms) {
        // Keyed by the term's first letter: its offset may start at an opening quote.
        let at = term.offset.start;
        while (at < term.offset.start + 3 && at < text.length && !/[\p{L}\p{N}]/u.test(text[at] ?? "")) at++;
        // A capitalised part of a hyphenated word ("Ukraine-related") is tagged for the compound (an
        // adjective): it is looked up alone, so that the name in it keeps its tags.
        const hyphenated = term.tags.includes("Hyphenated") && /^\p{Lu}/u.test(term.text);
        out.set(at, hyphenated ? partTags(term.text.replace(/[^\p{L}\p{N}].*$/u, "")) : tagsOf(term.tags));
        // A term that keeps its hyphen ("China-Russia") is tagged as a whole: each capitalised part is looked up alone.
        const raw = text.slice(at, term.offset.start + term.offset.length);
        if (raw.includes("-")) {
          let offset = at;
          for (const part of raw.split("-")) {
            if (/^\p{Lu}/u.test(part)) out.set(offset, partTags(part));
            offset += part.length + 1;
          }
        }
      }
    }
    return out;
  },
};
