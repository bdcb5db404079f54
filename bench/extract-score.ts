/**
 * Gold annotations for the extraction bench (bench/extract-gold/*.yaml) and how proposals are
 * scored against them: precision, recall and F1 per category, with strict (same offsets) and
 * partial (overlapping) span matches, attribute checks, and resolution accuracy.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Proposal } from "../server/extract/types.js";
import { fromRoot } from "../server/lib/project-root.js";
import { fold } from "../server/lib/search-words.js";

interface Entry {
  t: string;
  in?: string[];
  not?: string[];
}
interface GoldFile {
  text: string;
  publishedAt?: string;
  dataset?: string;
  /** Written after the rules were settled and scored before any change made after seeing it. */
  heldOut?: boolean;
  names?: (Entry & { k: string; e: string | null })[];
  dates?: (Entry & { v: string; p: string; q?: string })[];
  quantities?: (Entry & { v: number; u: string })[];
  statements?: (Entry & { speaker: string })[];
  /** `e`: the event the graph holds for the meeting (absent or null: a new one). */
  meetings?: (Entry & { participants: string[]; e?: string | null })[];
}

export type Category = string;

export interface GoldItem {
  category: Category;
  group: "names" | "dates" | "quantities" | "statements" | "meetings";
  start: number;
  end: number;
  text: string;
  entity?: string | null;
  value?: string | number;
  precision?: string;
  unit?: string;
  speaker?: string;
  participants?: string[];
}

export interface GoldDoc {
  name: string;
  text: string;
  publishedAt: string | undefined;
  dataset: string | undefined;
  heldOut: boolean;
  items: GoldItem[];
}

const wordChar = /[\p{L}\p{N}]/u;

/** Every occurrence of `entry.t` as whole words, inside one of `in` and none of `not`. */
function occurrences(text: string, entry: Entry): { start: number; end: number }[] {
  const within = (contexts: string[], start: number, end: number) =>
    contexts.some((context) => {
      for (let at = text.indexOf(context); at !== -1; at = text.indexOf(context, at + 1)) {
        if (at <= start && end <= at + context.length) return true;
      }
      return false;
    });
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(entry.t); at !== -1; at = text.indexOf(entry.t, at + 1)) {
    const end = at + entry.t.length;
    const before = wordChar.test(entry.t[0] ?? "") && wordChar.test(text[at - 1] ?? "");
    const after = wordChar.test(entry.t.at(-1) ?? "") && wordChar.test(text[end] ?? "");
    if (before || after) continue;
    if (entry.in && !within(entry.in, at, end)) continue;
    if (entry.not && within(entry.not, at, end)) continue;
    out.push({ start: at, end });
  }
  return out;
}

/** Reads a gold file and expands its entries into annotated spans. */
export function loadGold(file: string): GoldDoc {
  const gold = parse(readFileSync(file, "utf8")) as GoldFile;
  const text = readFileSync(fromRoot(gold.text), "utf8");
  const items: GoldItem[] = [];
  const expand = <E extends Entry>(
    group: GoldItem["group"],
    entries: E[] | undefined,
    make: (e: E) => Omit<GoldItem, "start" | "end" | "text" | "group">,
  ) => {
    const found: GoldItem[] = [];
    for (const entry of entries ?? []) {
      const spans = occurrences(text, entry);
      if (spans.length === 0) throw new Error(`${file}: "${entry.t}" does not occur in ${gold.text}`);
      for (const span of spans) found.push({ ...make(entry), group, ...span, text: entry.t });
    }
    // An occurrence inside a longer annotation of the same group is part of that one.
    items.push(
      ...found.filter(
        (a) => !found.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start),
      ),
    );
  };
  expand("names", gold.names, (e) => ({
    category: ["forum", "place"].includes(e.k) ? e.k : `actor:${e.k}`,
    entity: e.e,
  }));
  expand("dates", gold.dates, (e) => ({ category: "date", value: e.v, precision: e.p }));
  expand("quantities", gold.quantities, (e) => ({ category: "quantity", value: e.v, unit: e.u }));
  expand("statements", gold.statements, (e) => ({ category: "statement", speaker: e.speaker }));
  expand("meetings", gold.meetings, (e) => ({
    category: "meeting",
    participants: e.participants,
    entity: e.e ?? null,
  }));
  return {
    name: file.replace(/^.*\//, "").replace(/\.yaml$/, ""),
    text,
    publishedAt: gold.publishedAt,
    dataset: gold.dataset,
    heldOut: gold.heldOut === true,
    items: items.sort((a, b) => a.start - b.start),
  };
}

/** The category a proposal is scored in: actors by their type. */
export function categoryOf(p: Proposal): Category {
  return p.kind === "actor" ? `actor:${p.type}` : p.kind;
}

export interface Counts {
  gold: number;
  predicted: number;
  strict: number;
  partial: number;
  /** Partial matches whose attributes are right too (value and precision, value and unit, speaker, participants). */
  correct: number;
}

export interface Scores {
  counts: Counts;
  strict: Prf;
  partial: Prf;
  /** Partial span and right attributes (dates, quantities, statements, meetings). */
  attributes: Prf;
}
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

const prf = (hits: number, predicted: number, gold: number): Prf => {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : hits / predicted;
  const recall = gold === 0 ? 1 : hits / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
};
const round = (n: number) => Math.round(n * 1000) / 1000;
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** One-to-one pairs of gold and predicted, greatest overlap first. */
function pairs<G extends { start: number; end: number }, P extends { start: number; end: number }>(
  gold: G[],
  predicted: P[],
  strict: boolean,
): [G, P][] {
  const candidates: [G, P, number][] = [];
  for (const g of gold)
    for (const p of predicted) {
      const o = overlap(g, p);
      if (strict ? g.start === p.start && g.end === p.end : o > 0) candidates.push([g, p, o]);
    }
  candidates.sort((a, b) => b[2] - a[2]);
  const usedG = new Set<G>();
  const usedP = new Set<P>();
  const out: [G, P][] = [];
  for (const [g, p] of candidates) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push([g, p]);
  }
  return out;
}

const sameName = (a: string, b: string) => {
  const x = fold(a).replace(/['’]s$/, "");
  const y = fold(b).replace(/['’]s$/, "");
  return x === y || x.endsWith(` ${y}`) || y.endsWith(` ${x}`);
};

function attributesRight(g: GoldItem, p: Proposal, byId: Map<string, Proposal>): boolean {
  if (p.kind === "date") return g.value === p.value && g.precision === p.precision;
  if (p.kind === "quantity")
    return Math.abs(Number(g.value) - p.value) < 1e-6 * Math.max(1, Math.abs(p.value)) && g.unit === p.unit;
  if (p.kind === "statement") return p.speakerText !== null && sameName(g.speaker ?? "", p.speakerText);
  if (p.kind === "meeting") {
    const names = p.participants.map((id) => byId.get(id)?.text ?? "");
    const wanted = g.participants ?? [];
    return wanted.length === names.length && wanted.every((w) => names.some((n) => sameName(w, n)));
  }
  return true;
}

/** Scores of one document's proposals against its gold, per category. */
export function scoreDoc(gold: GoldItem[], proposals: Proposal[]): Map<Category, Counts> {
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const categories = new Set([...gold.map((g) => g.category), ...proposals.map(categoryOf)]);
  const out = new Map<Category, Counts>();
  for (const category of categories) {
    const g = gold.filter((x) => x.category === category);
    const p = proposals.filter((x) => categoryOf(x) === category);
    const partial = pairs(g, p, false);
    out.set(category, {
      gold: g.length,
      predicted: p.length,
      strict: pairs(g, p, true).length,
      partial: partial.length,
      correct: partial.filter(([a, b]) => attributesRight(a, b, byId)).length,
    });
  }
  return out;
}

export interface Resolution {
  /** Gold names of an existing node that some name proposal overlaps. */
  found: number;
  /** Of those, how many the proposal resolved to that node. */
  right: number;
  /** Gold names of no node (new) that some proposal overlaps, and how many were left unresolved. */
  newFound: number;
  newRight: number;
  /** Gold names of an existing node in all. */
  known: number;
}

/**
 * Whether name proposals resolve to the gold's node, whatever kind the recogniser gave them; or,
 * for `group` meetings, whether meeting proposals resolve to the gold's event.
 */
export function scoreResolution(
  gold: GoldItem[],
  proposals: Proposal[],
  group: "names" | "meetings" = "names",
): Resolution {
  const names = gold.filter((g) => g.group === group);
  const predicted = proposals.filter((p) =>
    group === "meetings" ? p.kind === "meeting" : p.kind === "actor" || p.kind === "forum" || p.kind === "place",
  );
  const matched = pairs(names, predicted, false);
  const known = matched.filter(([g]) => g.entity);
  const fresh = matched.filter(([g]) => !g.entity);
  return {
    known: names.filter((g) => g.entity).length,
    found: known.length,
    right: known.filter(([g, p]) => p.entity === g.entity).length,
    newFound: fresh.length,
    newRight: fresh.filter(([, p]) => p.entity === null).length,
  };
}

/** Adds counts up (over documents, or over categories). */
export function sum(list: Counts[]): Counts {
  return list.reduce(
    (a, b) => ({
      gold: a.gold + b.gold,
      predicted: a.predicted + b.predicted,
      strict: a.strict + b.strict,
      partial: a.partial + b.partial,
      correct: a.correct + b.correct,
    }),
    { gold: 0, predicted: 0, strict: 0, partial: 0, correct: 0 },
  );
}

export function scores(c: Counts): Scores {
  return {
    counts: c,
    strict: prf(c.strict, c.predicted, c.gold),
    partial: prf(c.partial, c.predicted, c.gold),
    attributes: prf(c.correct, c.predicted, c.gold),
  };
}
