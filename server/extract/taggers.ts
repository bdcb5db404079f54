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

/** compromise: a lexicon of first and last names, countries, cities and organisations, plus a rule-based tagger. */
export const compromiseTagger: Tagger = {
  name: "compromise",
  tag(text) {
    const out = new Map<number, WordTags>();
    const json = nlp(text).json({ offset: true, terms: { offset: true } }) as { terms: CompromiseTerm[] }[];
    for (const sentence of json) {
      for (const term of sentence.terms) {
        const has = (tag: string) => term.tags.includes(tag);
        out.set(term.offset.start, {
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
        });
      }
    }
    return out;
  },
};
