/** The wink-nlp tagger the bench compares with compromise: its English light model gives part-of-speech tags (PROPN) but no person or organisation types. */

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Tagger, WordTags } from "../server/extract/taggers.js";

let wink: ReturnType<typeof winkNLP> | null = null;

/** wink-nlp with its English light model: part-of-speech tags (PROPN), no person or organisation types. */
export const winkTagger: Tagger = {
  name: "wink-nlp",
  tag(text) {
    wink ??= winkNLP(model);
    const its = wink.its;
    const doc = wink.readDoc(text);
    const out = new Map<number, WordTags>();
    const tokens = doc.tokens();
    const values = tokens.out(its.value) as string[];
    const pos = tokens.out(its.pos) as string[];
    let cursor = 0;
    values.forEach((value, i) => {
      const at = text.indexOf(value, cursor);
      if (at === -1) return;
      cursor = at + value.length;
      const p = pos[i] ?? "";
      out.set(at, {
        proper: p === "PROPN",
        person: false,
        country: false,
        city: false,
        place: false,
        organisation: false,
        demonym: p === "ADJ" && /^\p{Lu}/u.test(value),
        honorific: false,
        common: p !== "PROPN" && p !== "X" && p !== "NOUN",
      });
    });
    return out;
  },
};
