/**
 * Quotations with their speakers: a quoted passage is a statement when it is long enough to be
 * said (four words or more) or is introduced as words ("described it as ‘…’"); its speaker is
 * the actor named before a verb of saying in the same sentence, or after the quotation ("…,"
 * said X), else the nearest person before it in the sentence.
 */
import type { Span } from "./types.js";

export interface FoundStatement {
  start: number;
  end: number;
  quote: string;
  /** Index into the `actors` given, or null. */
  speaker: number | null;
  score: number;
  reason: string;
}

const QUOTES: [string, string][] = [
  ["‘", "’"],
  ["“", "”"],
  ['"', '"'],
  ["«", "»"],
];
const SPEECH =
  /\b(?:said|says|say|told|tells|stated|states|clarified|described|describes|called|calls|added|warned|warns|noted|notes|insisted|declared|argued|wrote|writes|announced|stressed|emphasi[sz]ed|claimed|remarked|asserted|according to)\b/i;

/**
 * @param actors person and other actor mentions of the text, in order
 * @example findStatements("Lavrov said ‘the talks were very productive indeed’.", [{start: 0, end: 6}], sentences)
 */
export function findStatements(
  text: string,
  actors: readonly (Span & { person: boolean })[],
  sentences: readonly Span[],
): FoundStatement[] {
  const out: FoundStatement[] = [];
  for (const [open, close] of QUOTES) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start === -1) break;
      // A closing ’ is also an apostrophe: the quotation ends at the first ’ not inside a word.
      let end = start + 1;
      for (;;) {
        end = text.indexOf(close, end);
        if (end === -1 || !(close === "’" && /\p{L}/u.test(text[end + 1] ?? ""))) break;
        end++;
      }
      if (end === -1 || end - start > 1500) {
        from = start + 1;
        continue;
      }
      from = end + 1;
      let inner = { start: start + 1, end };
      // A comma or full stop inside the closing mark belongs to the sentence, not the quote.
      while (inner.end > inner.start && /[\s,.;]/.test(text[inner.end - 1] ?? ""))
        inner = { ...inner, end: inner.end - 1 };
      const quote = text.slice(inner.start, inner.end);
      const wordCount = quote.split(/\s+/).filter(Boolean).length;
      const sentence = sentences.find((s) => s.start <= start && end <= s.end) ?? {
        start: Math.max(0, start - 200),
        end: Math.min(text.length, end + 200),
      };
      const before = text.slice(sentence.start, start);
      const after = text.slice(end + 1, sentence.end);
      const introduced = /\b(?:as|it|that|saying|:)\s*$/i.test(before) && SPEECH.test(before);
      // "…,” said X" or "…,” X said / told reporters": the speaker is named right after the quotation.
      const saidAfter =
        /^[\s,]*(?:said|says|added|told|wrote)\b/i.test(after) ||
        /^[\s,]*(?:(?:the\s+)?\p{Lu}[\p{L}.’'-]*\s+){1,5}(?:said|says|added|told|wrote|stated|warned|noted|insisted|declared|replied)\b/u.test(
          after,
        );
      const titleCase = quote.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length >= Math.max(2, wordCount * 0.6);
      if (!(introduced || saidAfter || (wordCount >= 4 && !titleCase))) continue;
      const speaker = findSpeaker(text, actors, sentence, start, end, saidAfter);
      out.push({
        ...inner,
        quote,
        speaker: speaker?.index ?? null,
        score: speaker ? (speaker.why === "nearest" ? 0.6 : 0.85) : 0.5,
        reason: `Quotation${introduced ? " introduced by a verb of saying" : saidAfter ? " followed by a verb of saying" : ` of ${wordCount} words`}; ${speaker ? (speaker.why === "nearest" ? "speaker: the nearest actor before it" : `speaker: the actor ${speaker.why}`) : "no speaker found"}.`,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function findSpeaker(
  text: string,
  actors: readonly (Span & { person: boolean })[],
  sentence: Span,
  start: number,
  end: number,
  saidAfter: boolean,
): { index: number; why: string } | null {
  const inSentence = actors
    .map((a, index) => ({ ...a, index }))
    .filter((a) => a.start >= sentence.start && a.end <= sentence.end);
  if (saidAfter) {
    const next = inSentence.find((a) => a.start > end);
    if (next) return { index: next.index, why: "named with a verb of saying after the quotation" };
  }
  const before = inSentence.filter((a) => a.end <= start);
  // The subject of the verb of saying: the last actor before that verb, people first.
  const verb = SPEECH.exec(text.slice(sentence.start, start));
  if (verb) {
    const verbAt = sentence.start + verb.index;
    const subjects = before.filter((a) => a.end <= verbAt);
    const person = [...subjects].reverse().find((a) => a.person);
    const subject = person ?? subjects.at(-1);
    if (subject) return { index: subject.index, why: "before the verb of saying" };
  }
  const person = [...before].reverse().find((a) => a.person);
  return person ? { index: person.index, why: "nearest" } : null;
}
