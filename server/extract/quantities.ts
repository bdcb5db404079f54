/**
 * Quantities: money with currency and scale, percentages, counts with their nouns, and changes
 * ("a 66% increase from 2021", "up from 2% before the war"). Rules, not a model: numbers in news
 * follow a handful of shapes, and each shape says why it was proposed.
 */
import type { QuantityProposal } from "./types.js";

export type FoundQuantity = Omit<QuantityProposal, "id" | "kind" | "text" | "entity" | "alternatives">;

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = {
  $: "USD",
  US$: "USD",
  "€": "EUR",
  "£": "GBP",
  "¥": "CNY",
  "₽": "RUB",
  "₹": "INR",
};
const CURRENCY_CODES = "USD|EUR|GBP|CNY|RMB|JPY|RUB|INR|CHF";
const CURRENCY_WORDS: Record<string, string> = {
  dollar: "USD",
  dollars: "USD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  yuan: "CNY",
  renminbi: "CNY",
  rouble: "RUB",
  roubles: "RUB",
  ruble: "RUB",
  rubles: "RUB",
  rupee: "INR",
  rupees: "INR",
  yen: "JPY",
};
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  dozen: 12,
  dozens: 24,
};
const QUALIFIERS: [RegExp, FoundQuantity["qualifier"]][] = [
  [/(?:about|around|roughly|approximately|some|an estimated|almost\s+exactly)\s+$/i, "about"],
  [/(?:nearly|almost|close to|just under)\s+$/i, "nearly"],
  [/(?:over|more than|above|upwards of)\s+$/i, "over"],
  [/(?:at least|no fewer than|no less than)\s+$/i, "at-least"],
  [/(?:at most|up to|no more than|under|fewer than|less than)\s+$/i, "at-most"],
  [/(?:exceeded|exceeding|exceeds|exceed|surpassed|topped)\s+$/i, "exceeds"],
];
/** Qualifiers that belong in the span (a verb like "exceeded" stays outside it). */
const QUALIFIER_IN_SPAN =
  /^(?:about|around|roughly|approximately|some|an estimated|nearly|almost|close to|just under|over|more than|above|upwards of|at least|no fewer than|no less than|at most|up to|no more than|under|fewer than|less than)\s+$/i;

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s*(thousand|million|billion|trillion|bn|mn|tn)\b|(?<=\d)(k|m|b|bn|tn)\b)`;
const INCREASE = /^(?:increase|rise|jump|growth|gain|surge|hike|climb|increased|rose|grew|jumped|climbed|surged|up)$/i;
const DECREASE = /^(?:decrease|decline|drop|fall|reduction|cut|slump|decreased|declined|dropped|fell|down)$/i;
/** Words that end a counted noun phrase before it starts ("26 took place", "11 of them"). */
const NOT_NOUN =
  /^(?:of|in|on|at|to|and|or|but|was|were|is|are|took|have|has|had|per|from|by|for|with|the|a|an|percent|per|cent|years?|months?|days?|weeks?)$/i;

const MEASURES =
  /^(?:km|kilometres|kilometers|miles|m|kg|tonnes|tons|t|mt|barrels|bcm|cubic|GW|MW|kW|hectares|ha|sq|square|litres|liters|mmbtu)$/;
const FRACTIONS: Record<string, number> = { half: 50, third: 100 / 3, quarter: 25, fifth: 20, tenth: 10 };

const numberValue = (raw: string) => Number.parseFloat(raw.replace(/,/g, ""));

/**
 * Every quantity of `text` that does not overlap `exclude` (the dates already found, so "2024" is
 * not a count).
 * @example findQuantities("Trade reached about $245 billion in 2024, a 66% increase from 2021.", [])
 */
export function findQuantities(text: string, exclude: readonly { start: number; end: number }[]): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  // Which characters dates and quantities already cover: each check reads only its own span,
  // so a long text with thousands of numbers stays linear.
  const dated = new Uint8Array(text.length + 1);
  const counted = new Uint8Array(text.length + 1);
  for (const span of exclude) dated.fill(1, span.start, span.end);
  const covers = (mask: Uint8Array, start: number, end: number) => mask.subarray(start, end).includes(1);
  const taken = (start: number, end: number) => covers(dated, start, end) || covers(counted, start, end);
  const add = (q: FoundQuantity, allowDates = false) => {
    const clash = allowDates ? covers(counted, q.start, q.end) : taken(q.start, q.end);
    if (clash) return;
    found.push(q);
    counted.fill(1, q.start, q.end);
  };
  /** A percentage change ("a 66% increase from 2021", "up 5% on last year"): its own percentage, direction and base. */
  const addPercentChange = (
    start: number,
    end: number,
    value: number,
    direction: "increase" | "decrease",
    base: string | undefined,
    score: number,
    what: string,
  ) =>
    add(
      {
        start,
        end,
        value,
        unit: "percent",
        measure: "percent",
        change: { value, unit: "percent", direction, ...(base ? { base } : {}) },
        score,
        reason: `Change: ${what}${base ? ` from ${base}` : ""}.`,
      },
      true,
    );

  // Changes first: their percentages belong to them, not to a plain percentage.
  const change = new RegExp(
    String.raw`\b(?:(an?)\s+(${NUM})\s*(?:%|percent|per\s+cent)\s+(\w+)(?:\s+(?:from|over|on|compared\s+(?:with|to))\s+((?:\d{4})|(?:the\s+)?(?:previous|last|prior)\s+\w+))?|(up|down)\s+from\s+(${NUM})\s*(?:%|percent|per\s+cent)(\s+(?:before|after|since|prior\s+to|in)\s+(?:the\s+)?[\w-]+)?|(increased|rose|grew|fell|dropped|declined|decreased)\s+by\s+(${NUM})\s*(?:%|percent|per\s+cent)|(up|down)\s+(${NUM})\s*(?:%|percent|per\s+cent)(?:\s+(?:from|on|over|compared\s+(?:with|to))\s+((?:\d{4})|(?:the\s+)?(?:previous|last|prior|same)\s+(?:year|month|quarter|period)))?)`,
    "gi",
  );
  for (let m = change.exec(text); m !== null; m = change.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (m[1]) {
      const word = m[3] ?? "";
      const direction = INCREASE.test(word) ? "increase" : DECREASE.test(word) ? "decrease" : null;
      if (!direction) continue;
      addPercentChange(start, end, numberValue(m[2] ?? ""), direction, m[4], 0.9, `a percentage ${direction}`);
    } else if (m[5]) {
      const baseValue = numberValue(m[6] ?? "");
      const base = m[7]?.trim();
      add(
        {
          start,
          end,
          value: baseValue,
          unit: "percent",
          measure: "percent",
          change: {
            unit: "percent",
            direction: m[5].toLowerCase() === "up" ? "increase" : "decrease",
            baseValue,
            ...(base ? { base } : {}),
          },
          score: 0.85,
          reason: `Change: "${m[5].toLowerCase()} from" a base of ${baseValue}%.`,
        },
        true,
      );
    } else if (m[10]) {
      const direction = m[10].toLowerCase() === "up" ? "increase" : "decrease";
      addPercentChange(
        start,
        end,
        numberValue(m[11] ?? ""),
        direction,
        m[12],
        0.85,
        `${m[10].toLowerCase()} by a percentage`,
      );
    } else {
      const direction = INCREASE.test(m[8] ?? "") ? "increase" : "decrease";
      addPercentChange(
        start,
        end,
        numberValue(m[9] ?? ""),
        direction,
        undefined,
        0.85,
        `${m[8]?.toLowerCase()} by a percentage`,
      );
    }
  }

  // Money: a symbol or code before the number, or a currency word after it.
  const money = new RegExp(
    String.raw`(US\$|[$€£¥₽₹]|\b(?:${CURRENCY_CODES})\s?)(${NUM})${SCALE}?|\b(${NUM})${SCALE}?\s+(dollars?|euros?|pounds?|yuan|renminbi|roubles?|rubles?|rupees?|yen)\b`,
    "gi",
  );
  for (let m = money.exec(text); m !== null; m = money.exec(text)) {
    const symbol = m[1]?.trim();
    const raw = symbol ? m[2] : m[5];
    const scaleWord = (symbol ? (m[3] ?? m[4]) : (m[6] ?? m[7]))?.toLowerCase();
    const currency = symbol
      ? (CURRENCY_SYMBOLS[symbol] ?? (symbol.toUpperCase() === "RMB" ? "CNY" : symbol.toUpperCase()))
      : (CURRENCY_WORDS[(m[8] ?? "").toLowerCase()] ?? "USD");
    const scale = scaleWord ? SCALES[scaleWord] : undefined;
    const value = numberValue(raw ?? "") * (scale ?? 1);
    const q = qualifierBefore(text, m.index);
    add({
      start: q.inSpan ? q.start : m.index,
      end: m.index + m[0].length,
      value,
      unit: currency,
      measure: "money",
      ...(scaleWord ? { scale: scaleFullName(scaleWord) } : {}),
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      score: 0.95,
      reason: `Money: ${currency}${scaleWord ? `, scale ${scaleFullName(scaleWord)}` : ""}${q.qualifier ? `, qualified "${q.qualifier}"` : ""}.`,
    });
  }

  // Percentages.
  const percent = new RegExp(String.raw`(${NUM})\s*(?:%|percent\b|per\s+cent\b)(\s+(?:of|out\s+of)\s+)?`, "gi");
  for (let m = percent.exec(text); m !== null; m = percent.exec(text)) {
    if (/[\d.,]/.test(text[m.index - 1] ?? "")) continue;
    const q = qualifierBefore(text, m.index);
    const end = m.index + m[0].length - (m[2]?.length ?? 0);
    add({
      start: q.inSpan ? q.start : m.index,
      end,
      value: numberValue(m[1] ?? ""),
      unit: "percent",
      measure: "percent",
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      score: 0.95,
      reason: `Percentage${q.qualifier ? `, qualified "${q.qualifier}"` : ""}.`,
    });
  }

  // Fractions in words: "nearly a third", "two thirds", "half of".
  const fraction = /\b(?:(a|one|two|three)\s+(half|third|quarter|fifth|tenth)s?|(half))\s+(?:of\b)?/gi;
  for (let m = fraction.exec(text); m !== null; m = fraction.exec(text)) {
    const part = (m[2] ?? m[3] ?? "").toLowerCase();
    const times = { a: 1, one: 1, two: 2, three: 3 }[(m[1] ?? "a").toLowerCase() as "a"] ?? 1;
    const value = Math.round(times * (FRACTIONS[part] ?? 0) * 10) / 10;
    const q = qualifierBefore(text, m.index);
    if (!q.qualifier && !/\bof\s*$/.test(m[0])) continue;
    const end = m.index + m[0].replace(/\s+(?:of\s*)?$/, "").length;
    add({
      start: q.inSpan ? q.start : m.index,
      end,
      value,
      unit: "percent",
      measure: "percent",
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      score: 0.6,
      reason: `A fraction in words (${part}), as a percentage.`,
    });
  }

  // Counts: a number (digits, or a number word not after "the/their…") and the noun it counts.
  const count = new RegExp(
    String.raw`(?<![\w$€£¥.,])(${NUM}|${Object.keys(NUMBER_WORDS).join("|")})(?:\s+(?:out\s+)?of\s+(${NUM}))?(?![\w%]|\.\d|,\d)`,
    "gi",
  );
  let lastUnit: { unit: string; sentenceEnd: number } | null = null;
  for (let m = count.exec(text); m !== null; m = count.exec(text)) {
    const start = m.index;
    const rawEnd = m.index + m[0].length;
    if (taken(start, rawEnd)) continue;
    const word = m[1]?.toLowerCase() ?? "";
    const isWord = word in NUMBER_WORDS;
    if (
      isWord &&
      /\b(?:the|these|those|their|its|our|his|her|both|all)\s+$/i.test(text.slice(Math.max(0, start - 8), start))
    )
      continue;
    if (/^[A-Z]/.test(m[1] ?? "") && isWord && start > 0 && !/[.!?]\s*$/.test(text.slice(0, start))) continue;
    const value = isWord ? (NUMBER_WORDS[word] ?? 0) : numberValue(m[1] ?? "");
    const noun = nounAfter(text, rawEnd);
    const outOf = m[2] ? numberValue(m[2]) : undefined;
    const q = qualifierBefore(text, start);
    const sentenceEnd = nextSentenceEnd(text, start);
    let unit = noun?.unit;
    let end = noun ? noun.end : rawEnd;
    let reason = noun ? `Count of "${noun.unit}".` : "";
    if (!unit) {
      // An elided noun ("90 joint drills were held, but 26 took place…") counts what the
      // sentence's previous count did; a bare number with nothing to count is not proposed.
      if (isWord || !lastUnit || lastUnit.sentenceEnd !== sentenceEnd) continue;
      unit = lastUnit.unit;
      end = rawEnd;
      reason = `Count; its noun is elided, read as the sentence's previous count ("${unit}").`;
    }
    if (
      /^times$/i.test(unit) &&
      /\b(?:met|meet|meeting|spoke|talked|visited)\b[^.]{0,40}$/i.test(text.slice(Math.max(0, start - 60), start))
    )
      unit = "meetings";
    lastUnit = { unit, sentenceEnd };
    add({
      start: q.inSpan ? q.start : start,
      end,
      value,
      unit,
      measure: "count",
      ...(outOf !== undefined ? { outOf } : {}),
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      score: noun ? (isWord ? 0.7 : 0.85) : 0.6,
      reason,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

function scaleFullName(word: string): string {
  const value = SCALES[word];
  return Object.entries(SCALES).find(([name, v]) => v === value && name.length > 2)?.[0] ?? word;
}

function qualifierBefore(
  text: string,
  at: number,
): { qualifier?: FoundQuantity["qualifier"]; start: number; inSpan: boolean } {
  const window = text.slice(Math.max(0, at - 24), at);
  for (const [re, qualifier] of QUALIFIERS) {
    const m = re.exec(window);
    if (m) {
      const start = at - window.length + m.index;
      return { qualifier, start, inSpan: QUALIFIER_IN_SPAN.test(m[0]) };
    }
  }
  return { start: at, inSpan: false };
}

/** The counted noun after a number: up to two modifiers, then a plural noun ("joint drills", "Ukraine-related votes"). */
function nounAfter(text: string, at: number): { unit: string; end: number } | null {
  const re = /^\s+([\p{L}][\p{L}-]*)/u;
  let cursor = at;
  for (let i = 0; i < 3; i++) {
    const m = re.exec(text.slice(cursor, cursor + 40));
    if (!m?.[1]) return null;
    const word = m[1];
    if (NOT_NOUN.test(word)) return null;
    cursor += m[0].length;
    // A unit of measure right after the number ("2,000 km", "5 million barrels").
    if (i === 0 && MEASURES.test(word)) return { unit: word.toLowerCase(), end: cursor };
    if (/^\p{Ll}[\p{L}-]*s$/u.test(word) && !/(?:ss|ous|is|us)$/.test(word))
      return { unit: word.toLowerCase(), end: cursor };
    if (/^(?:people|police|personnel|staff|aircraft|crew)$/i.test(word))
      return { unit: word.toLowerCase(), end: cursor };
  }
  return null;
}

function nextSentenceEnd(text: string, at: number): number {
  const m = /[.!?](?=\s|$)/g;
  m.lastIndex = at;
  return m.exec(text)?.index ?? text.length;
}
