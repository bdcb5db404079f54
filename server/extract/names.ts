/**
 * The recogniser of names: capitalised runs of words, split where lists and hyphens join names,
 * titles taken off ("Chinese Foreign Minister Wang Yi" → title + "Wang Yi"), typed as a person,
 * state, organisation, group, forum or place from the tagger's lexicon and from cue words. A
 * surname alone is the person named in full earlier ("Putin" after "Vladimir Putin").
 */

import { compromiseTagger, type Tagger, type WordTags } from "./taggers.js";
import type { ActorType } from "./types.js";

export interface NameMention {
  start: number;
  end: number;
  text: string;
  kind: "actor" | "forum" | "place";
  type?: ActorType;
  title?: string;
  score: number;
  reason: string;
}

interface Token {
  start: number;
  end: number;
  text: string;
  tags: WordTags | undefined;
  capital: boolean;
  /** Joined to the previous token by a hyphen ("China-Russia"). */
  hyphen: boolean;
  /** Something other than a space lies before it (punctuation, a dash, a line break). */
  broken: boolean;
  sentenceStart: boolean;
}

/** Lower-case words inside people's names ("Lula da Silva", "Ursula von der Leyen", "Faisal bin Farhan"). */
const NAME_PARTICLE_WORDS = [
  "de",
  "da",
  "das",
  "do",
  "dos",
  "del",
  "della",
  "di",
  "du",
  "la",
  "le",
  "van",
  "von",
  "der",
  "den",
  "ter",
  "bin",
  "ibn",
  "al",
  "el",
];
const TITLE_WORDS = new Set(
  "president vice prime minister foreign defence defense finance chancellor ambassador secretary general king queen premier deputy chairman chairwoman chair senator governor mayor admiral commander chief envoy spokesperson spokesman spokeswoman state counsellor councillor representative director head leader marshal colonel lieutenant captain sheikh prince princess emir crown former then acting special".split(
    " ",
  ),
);
const CONNECTORS = new Set(["of", "for", "the", "on", ...NAME_PARTICLE_WORDS]);
const FORUM_ACRONYMS = new Set(
  "G7 G8 G20 BRICS SCO ASEAN APEC UN UNGA UNSC OSCE CSTO EAEU CICA WTO ARF EAS GCC QUAD".split(" "),
);
const STATE_ACRONYMS = new Set("US U.S. USA U.S.A. UK U.K. UAE DPRK PRC ROK".split(" "));
const FORUM_CUES =
  /\b(?:Forum|Summit|Conference|Dialogue|Assembly|Council|League|Cooperation Organi[sz]ation|Meeting|Congress of|Group of \w+)$|^(?:Group of)/;
const STATE_CUES = /\b(?:Republic|Kingdom|Federation|Emirates|States|Union)$/;
const ORG_CUES =
  /\b(?:University|Ministry|Department|Treasury|Bank|Agency|Company|Corporation|Corp|Inc|Ltd|Institute|Centre|Center|School|Committee|Commission|Party|Army|Navy|Forces?|Guard|Office|Service|Organi[sz]ation|Association|Alliance|Fund|Foundation|Court|Parliament|Senate|Duma|Government|Administration|Cabinet|Kremlin|Pentagon|Times|Post|News|Agency|Group|Authority|Board|Bureau|Police)\b/;
const PLACE_CUES =
  /\b(?:River|Sea|Seas|Ocean|Strait|Gulf|Bay|Lake|Mountains?|Peninsula|Islands?|Desert|Valley|Province|Region|Oblast|Krai|Far East|Arctic|Pacific|Atlantic|Square|Street|Airport|Port|Canal|Border)$/;
/** Capitalised runs that name events, documents or slogans, not actors, forums or places. */
const EVENT_CUES =
  /\b(?:War|Parade|Day|Exercise|Partnership|Initiative|Treaty|Agreement|Accord|Declaration|Revolution|Crisis|Games|Olympics|Operation|Plan|Strategy|Doctrine|Act|Meet|Order|Ambiguity|Interdependence|Cooperation|Relations|Keywords)\b/;
/** Capitalised function words (in titles, at a sentence start) never join a name. */
const FUNCTION_WORDS = new Set(
  "a an and as at after before between but by during for from in into of on since than that the their these this those through to under until when where while with without about against among".split(
    " ",
  ),
);
const CURRENCY_CODES = new Set("USD EUR GBP CNY RMB JPY RUB INR CHF".split(" "));
/** Adjectives of nationality the lexicon may not know ("Uzbek" is not; "-i" endings are left to the lexicon: Modi, Xi). */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ian|ese|ish|ean|ern|ic|ek|ak|kh)$/u;
const GROUPS = new Set(["West", "Global South", "Axis", "Quad"]);

/** Words and dotted acronyms, with what separates each from the previous one. */
function tokenize(text: string, tags: Map<number, WordTags>): Token[] {
  const tokens: Token[] = [];
  const re = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}’']*/gu;
  let last = 0;
  let afterPossessive = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let word = m[0];
    // A possessive is not part of the name, and ends it ("China’s Ambassador").
    const possessive = /['’]s$/.exec(word);
    if (possessive) word = word.slice(0, -2);
    word = word.replace(/['’]$/, "");
    if (word.length === 0) continue;
    const between = text.slice(last, m.index);
    tokens.push({
      start: m.index,
      end: m.index + word.length,
      text: word,
      tags: tags.get(m.index),
      capital: (/^[\p{Lu}]/u.test(word) || /^\p{N}+\p{Lu}/u.test(word)) && !FUNCTION_WORDS.has(word.toLowerCase()),
      hyphen: between === "-",
      // An initial's full stop joins it to the name ("V. Putin").
      broken:
        afterPossessive ||
        (!/^[ \t\u00a0]+$/.test(between) &&
          between !== "-" &&
          !(/^\p{Lu}$/u.test(tokens.at(-1)?.text ?? "") && /^\.[ \u00a0]+$/.test(between))),
      sentenceStart:
        tokens.length === 0 ||
        (/[.!?:]["”’)]?\s*$|\n\s*$|^\s*$/.test(text.slice(Math.max(0, m.index - 4), m.index)) &&
          /[.!?:\n]/.test(between)),
    });
    last = m.index + m[0].length;
    afterPossessive = possessive !== null;
  }
  return tokens;
}

const isAcronym = (word: string) =>
  !CURRENCY_CODES.has(word) && /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d]{1,6}$/u.test(word);
const strong = (t: Token) =>
  Boolean(t.tags && (t.tags.person || t.tags.country || t.tags.city || t.tags.place || t.tags.organisation)) ||
  isAcronym(t.text);

/**
 * Names in `text`, typed, each with its score and reason.
 * @example findNames("Chinese Foreign Minister Wang Yi met Sergey Lavrov.") // Wang Yi (person, title Foreign Minister), Sergey Lavrov
 */
export function findNames(text: string, tagger: Tagger = compromiseTagger): NameMention[] {
  const tokens = tokenize(text, tagger.tag(text));
  const headline = headlineLines(text);
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length > 0 && CONNECTORS.has((run.at(-1) as Token).text.toLowerCase())) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = run.at(-1);
    if (t.capital && /^\p{Lu}/u.test(t.text)) {
      // A hyphen between two names ("China-Russia") or a break (comma, dash) ends the run.
      if (prev && (t.broken || (t.hyphen && /^\p{Lu}/u.test(prev.text)))) flush();
      run.push(t);
    } else if (prev && !t.broken && CONNECTORS.has(t.text) && connectsName(tokens, i)) {
      run.push(t);
    } else if (prev && t.text === "and" && !t.broken && andJoinsName(tokens, i)) {
      run.push(t);
    } else flush();
  }
  flush();

  const mentions: NameMention[] = [];
  for (const r of runs.flatMap(splitAtConnectors)) mentions.push(...typeRun(text, r, headline));
  return withSurnames(text, mentions);
}

const NAME_PARTICLES = new Set(NAME_PARTICLE_WORDS);
/** Whether some start of the run ends in a cue word ("Republic" of "Republic of Korea", "Centre" of "Centre for…"). */
const hasCue = (run: Token[]) =>
  run.some((_, k) => {
    const prefix = run
      .slice(0, k + 1)
      .map((t) => t.text)
      .join(" ");
    return [FORUM_CUES, STATE_CUES, ORG_CUES, PLACE_CUES].some((re) => re.test(prefix));
  });

/**
 * "Sergey Lavrov on Friday", "Putin of Russia": a connector joins two names unless the whole is one
 * (an organisation, forum, state or place word: "Centre for East Asian Studies", "Republic of
 * Korea") or the connector is a particle of a person's name ("Lula da Silva").
 */
function splitAtConnectors(run: Token[]): Token[][] {
  // "European Commission President Ursula von der Leyen": an organisation or state, then a title
  // and a person's name, are two names (the title goes with the person).
  const titleAt = run.findIndex(
    (t, k) => k > 0 && k < run.length - 1 && TITLE_WORDS.has(t.text.toLowerCase()) && !CONNECTORS.has(t.text),
  );
  if (titleAt > 0 && hasCue(run.slice(0, titleAt))) {
    const head = run.slice(0, titleAt);
    let headEnd = head.length;
    // A nationality or title word just before ("Foreign Ministry spokeswoman") stays with the title.
    while (headEnd > 0 && TITLE_WORDS.has((head[headEnd - 1] as Token).text.toLowerCase())) headEnd--;
    return [head.slice(0, headEnd), ...splitAtConnectors(run.slice(headEnd))];
  }
  if (hasCue(run)) return [run];
  const out: Token[][] = [];
  let part: Token[] = [];
  for (const t of run) {
    if (CONNECTORS.has(t.text) && !NAME_PARTICLES.has(t.text)) {
      if (part.length > 0) out.push(part);
      part = [];
    } else part.push(t);
  }
  if (part.length > 0) out.push(part);
  return out;
}

/** A connector joins a name when a capitalised word, or more particles and then one, follow ("von der Leyen"). */
function connectsName(tokens: Token[], i: number): boolean {
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const t = tokens[k] as Token;
    if (t.broken) return false;
    if (t.capital) return true;
    if (!NAME_PARTICLES.has(t.text)) return false;
  }
  return false;
}

/** "Belt and Road Forum": "and" joins two capitalised words when the run it makes ends in a forum or organisation cue. */
function andJoinsName(tokens: Token[], i: number): boolean {
  const words: string[] = [];
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k++) {
    const t = tokens[k] as Token;
    if (!t.capital || t.broken) break;
    words.push(t.text);
  }
  const tail = words.join(" ");
  // Not after a name complete in itself: "NATO and Jawaharlal Nehru University" are two.
  const before = tokens[i - 1];
  return words.length > 0 && (FORUM_CUES.test(tail) || ORG_CUES.test(tail)) && before !== undefined && !strong(before);
}

/** Lines written in title case (headings, keyword lines): only names the lexicon knows count there. */
function headlineLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const words = m[0].match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
    const content = words.filter((w) => !/^(?:and|of|the|with|for|in|on|a|an|to|between|since)$/.test(w));
    const capital = content.filter((w) => /^\p{Lu}/u.test(w));
    if (
      content.length >= 2 &&
      m[0].length < 100 &&
      capital.length / content.length >= 0.7 &&
      !/[.!?]$/.test(m[0].trim())
    )
      out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function typeRun(text: string, run: Token[], headline: { start: number; end: number }[]): NameMention[] {
  let tokens = [...run];
  // Titles and demonyms before a name are taken off: "Chinese Foreign Minister Wang Yi".
  const titleTokens: Token[] = [];
  while (tokens.length > 1) {
    const first = tokens[0] as Token;
    const lower = first.text.toLowerCase();
    // A nationality before a title ("Uzbek President") is part of the title, known to the lexicon or not.
    const nationalityBeforeTitle =
      !first.tags?.person && DEMONYM.test(first.text) && TITLE_WORDS.has(tokens[1]?.text.toLowerCase() ?? "");
    if (
      TITLE_WORDS.has(lower) ||
      nationalityBeforeTitle ||
      first.tags?.honorific ||
      (first.tags?.demonym &&
        !(tokens[1]?.tags?.place ?? false) &&
        !PLACE_CUES.test(tokens.map((t) => t.text).join(" ")) &&
        !STATE_CUES.test(tokens.map((t) => t.text).join(" ")) &&
        !ORG_CUES.test(tokens.map((t) => t.text).join(" ")) &&
        !FORUM_CUES.test(tokens.map((t) => t.text).join(" ")))
    ) {
      titleTokens.push(first);
      tokens = tokens.slice(1);
    } else break;
  }
  const title = titleTokens
    .filter((t) => !t.tags?.demonym && !DEMONYM.test(t.text))
    .map((t) => t.text)
    .join(" ");
  // A sentence-initial ordinary word ("Since", "Politically") is not part of the name.
  while (
    tokens.length > 0 &&
    (tokens[0] as Token).sentenceStart &&
    (tokens[0] as Token).tags?.common &&
    !(tokens[0] as Token).tags?.proper &&
    !strong(tokens[0] as Token)
  )
    tokens = tokens.slice(1);
  while (tokens.length > 0 && CONNECTORS.has((tokens[0] as Token).text.toLowerCase())) tokens = tokens.slice(1);
  if (tokens.length === 0) return [];
  const first = tokens[0] as Token;
  const last = tokens.at(-1) as Token;
  const name = text.slice(first.start, last.end);
  const start = first.start;
  const end = last.end;
  const inHeadline = headline.some((h) => h.start <= start && end <= h.end);
  const known = tokens.some(strong);
  if (inHeadline && !known) return [];
  const named = FORUM_CUES.test(name) || ORG_CUES.test(name) || STATE_CUES.test(name) || PLACE_CUES.test(name);
  // Events, exercises and operations are not actors, forums or places, even when named after a
  // sea ("Exercise Joint Sea-2024"): an event word first, a number joined by a hyphen, or an event word without a cue.
  const numbered = /^-\d/.test(text.slice(end, end + 2));
  const eventFirst = EVENT_CUES.test(first.text);
  if (eventFirst || numbered || (EVENT_CUES.test(name) && !named) || (/\d/.test(name) && !/^G\d+$/.test(name)))
    return [];
  const base = { start, end, text: name, ...(title ? { title } : {}) };
  const because = title ? ` after the title "${title}"` : "";

  if (tokens.length === 1) {
    const t = first;
    if (FORUM_ACRONYMS.has(t.text))
      return [{ ...base, kind: "forum", score: 0.85, reason: `Acronym of a multilateral forum.` }];
    if (STATE_ACRONYMS.has(t.text))
      return [{ ...base, kind: "actor", type: "state", score: 0.9, reason: "Acronym of a state." }];
    const the = /\bthe\s+$/i.exec(text.slice(Math.max(0, start - 5), start));
    if (GROUPS.has(t.text) && the) {
      const from = start - the[0].length + (the[0].match(/^\s*/)?.[0].length ?? 0);
      return [
        {
          ...base,
          start: from,
          text: text.slice(from, end),
          kind: "actor",
          type: "group",
          score: 0.75,
          reason: `"the ${t.text}": a group of states.`,
        },
      ];
    }
    // A nationality used as an adjective ("Russian energy", "Chinese imports") is not a name.
    const adjective = /^\s+\p{Ll}/u.test(text.slice(end, end + 3));
    if ((t.tags?.demonym || (DEMONYM.test(t.text) && !t.tags?.country && !t.tags?.person && adjective)) && !title)
      return [];
    if (CURRENCY_CODES.has(t.text)) return [];
    if (t.tags?.country)
      return [{ ...base, kind: "actor", type: "state", score: 0.9, reason: `Country name (${"lexicon"}).` }];
    if (t.tags?.person || title)
      return [
        { ...base, kind: "actor", type: "person", score: title ? 0.85 : 0.7, reason: `Person's name${because}.` },
      ];
    if (t.tags?.city || t.tags?.place) return [{ ...base, kind: "place", score: 0.8, reason: "Place name (lexicon)." }];
    if (t.tags?.organisation || isAcronym(t.text))
      return [{ ...base, kind: "actor", type: "organisation", score: 0.7, reason: "Organisation or acronym." }];
    // After "in", "at" or "to", an unknown capitalised word is most likely a place ("in Astana").
    if (/\b(?:in|at|to|from|near)\s+$/.test(text.slice(Math.max(0, start - 6), start)))
      return [
        {
          ...base,
          kind: "place",
          score: 0.5,
          reason: "Capitalised word after a preposition of place, unknown to the lexicon.",
        },
      ];
    return [
      { ...base, kind: "actor", type: "person", score: 0.3, reason: "Capitalised word, unknown to the lexicon." },
    ];
  }
  if (FORUM_CUES.test(name))
    return [{ ...base, kind: "forum", score: 0.8, reason: "Name ending in a forum word (Forum, Summit, Council…)." }];
  if (STATE_CUES.test(name) && !/^European Union$/.test(name))
    return [
      { ...base, kind: "actor", type: "state", score: 0.75, reason: "Name of a state (Republic, Kingdom, Union…)." },
    ];
  if (ORG_CUES.test(name))
    return [
      {
        ...base,
        kind: "actor",
        type: "organisation",
        score: 0.8,
        reason: "Name with an organisation word (University, Ministry…).",
      },
    ];
  if (PLACE_CUES.test(name))
    return [{ ...base, kind: "place", score: 0.8, reason: "Name with a place word (River, Sea, Far East…)." }];
  if (tokens.every((t) => t.tags?.country || t.tags?.city))
    return [{ ...base, kind: "place", score: 0.7, reason: "Place name (lexicon)." }];
  if (tokens.some((t) => t.tags?.person) || title)
    return [{ ...base, kind: "actor", type: "person", score: 0.85, reason: `Person's name${because}.` }];
  if (tokens.some((t) => t.tags?.place || t.tags?.country))
    return [{ ...base, kind: "place", score: 0.6, reason: "Place name (lexicon)." }];
  if (tokens.some((t) => t.tags?.organisation))
    return [{ ...base, kind: "actor", type: "organisation", score: 0.7, reason: "Organisation (lexicon)." }];
  if (tokens.length <= 4)
    return [
      {
        ...base,
        kind: "actor",
        type: "person",
        score: 0.55,
        reason: "Capitalised words unknown to the lexicon, read as a person's name.",
      },
    ];
  return [
    {
      ...base,
      kind: "actor",
      type: "organisation",
      score: 0.4,
      reason: "Long capitalised name, read as an organisation.",
    },
  ];
}

/**
 * A single word that is the last word of a person named in full earlier in the text is that
 * person ("Putin", "Xi"); a single unknown word that is not is dropped.
 */
function withSurnames(text: string, mentions: NameMention[]): NameMention[] {
  const people = mentions.filter((m) => m.kind === "actor" && m.type === "person" && /\s/.test(m.text));
  const surnames = new Map<string, NameMention>();
  for (const p of people) {
    const words = p.text.split(/\s+/);
    surnames.set(words.at(-1) as string, p);
    // Chinese names put the family name first: "Xi" of "Xi Jinping".
    if (words.length === 2) surnames.set(words[0] as string, p);
  }
  const out: NameMention[] = [];
  for (const m of mentions) {
    if (!/\s/.test(m.text) && m.kind === "actor" && (m.type === "person" || m.score < 0.5)) {
      const full = surnames.get(m.text);
      if (full && full.start < m.start) {
        out.push({
          ...m,
          type: "person",
          kind: "actor",
          score: 0.85,
          reason: `Short name of ${full.text}, named in full before.`,
        });
        continue;
      }
      if (m.score < 0.5) continue;
    }
    out.push(m);
  }
  void text;
  return out;
}
