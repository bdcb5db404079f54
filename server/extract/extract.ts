/**
 * extract(): an article's text in, proposals out. Segments the text, finds dates and quantities,
 * recognises names and resolves them against the graph (first the graph's own names and aliases,
 * then the recogniser's names), then statements and meetings that refer to those proposals.
 */
import { findDates } from "./dates.js";
import { capitalisedGrams, surnameOf } from "./gazetteer.js";
import { linkMeetings } from "./meeting-events.js";
import { findMeetings, type Ref } from "./meetings.js";
import { findNames, type NameMention } from "./names.js";
import { findQuantities } from "./quantities.js";
import { findRolePhrases, resolveRolePhrases } from "./role-mentions.js";
import { paragraphs, sentences } from "./segment.js";
import { findStatements } from "./statements.js";
import { tagByParagraph } from "./tag-by-paragraph.js";
import { compromiseTagger, type Tagger } from "./taggers.js";
import type {
  ActorType,
  Alternative,
  Candidate,
  EntityResolver,
  ExtractInput,
  Extraction,
  Mention,
  Proposal,
  Span,
} from "./types.js";

export interface ExtractOptions {
  /** The word tagger behind the recogniser (compromise by default; the bench compares others). */
  tagger?: Tagger;
  /** Stops the extraction between paragraphs (a request that went away). */
  signal?: AbortSignal;
}

/** A candidate at or above this score is the proposal's entity; below it, only an alternative. */
const LINK_AT = 0.75;
const LOCATIVE = /\b(?:in|to|at|from|near|across|outside|inside|into|around)\s+(?:the\s+)?$/i;

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The union of spans, as sorted spans that do not overlap. */
function merged(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else out.push({ start: span.start, end: span.end });
  }
  return out;
}

/**
 * Whether `span` overlaps any of `sorted` (spans that do not overlap each other, by start): a
 * binary search, so that checking every name of a long text against its dates stays linear.
 */
function overlapsAny(sorted: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Span).end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const next = sorted[lo];
  return next !== undefined && overlaps(next, span);
}

/**
 * Proposals for one document, each anchored at its exact offsets.
 * @example await extract({ text: "Wang Yi met Sergey Lavrov in Moscow on 3 May 2025.", publishedAt: "2025-05-04" }, emptyResolver)
 */
export async function extract(
  doc: ExtractInput,
  resolver: EntityResolver,
  options: ExtractOptions = {},
): Promise<Extraction> {
  const { text } = doc;
  const paras = paragraphs(text);
  const sents = sentences(text, paras);
  const dates = findDates(text, doc.publishedAt);
  const quantities = findQuantities(text, dates);
  const numeric = merged([...dates, ...quantities]);
  const tagger = options.tagger ?? compromiseTagger;
  const tags = await tagByParagraph(text, paras, tagger, options.signal);
  const recognised = findNames(text, { name: tagger.name, tag: () => tags }).filter((n) => !overlapsAny(numeric, n));

  // The graph's own names first: capitalised word runs the recogniser did not propose that are
  // exactly a name or alias of a node ("Western countries"). Bounded by the document's length.
  const grams = capitalisedGrams(text).filter((g) => !overlapsAny(numeric, g));
  const recognisedTexts = new Set(recognised.map((n) => n.text));
  const lookups: Mention[] = [
    ...recognised.map((n) => ({ text: n.text, kind: n.kind, ...(n.title ? { title: n.title } : {}) })),
    // A single word is looked up by its words too: it may be a known person's surname ("Lavrov").
    ...grams
      .filter((g) => !recognisedTexts.has(g.text))
      .map((g) => ({ text: g.text, kind: "actor" as const, ...(g.text.includes(" ") ? { exact: true } : {}) })),
  ];
  // Offices named alone ("the Chinese leader"): their countries are looked up with the names.
  const offices = resolver.roleHolders ? findRolePhrases(text).filter((o) => !overlapsAny(numeric, o)) : [];
  const looked = new Set(lookups.map((l) => l.text));
  for (const country of new Set(offices.flatMap((o) => o.countries)))
    if (!looked.has(country)) lookups.push({ text: country, kind: "actor", exact: true });
  const candidates = lookups.length > 0 ? await resolver.resolve(lookups) : new Map<string, Candidate[]>();

  const names: (NameMention & { candidates: Candidate[] })[] = recognised.map((n) => ({
    ...n,
    candidates: candidates.get(n.text) ?? [],
  }));
  const gazetteer = grams
    .map((g) => ({ g, best: candidates.get(g.text)?.[0] }))
    .filter(({ best }) => best !== undefined && best.score >= 0.97)
    .sort((a, b) => b.g.end - b.g.start - (a.g.end - a.g.start));
  for (const { g } of gazetteer) {
    const clash = names.filter((n) => overlaps(n, g));
    // A longer graph name wins over the recogniser's pieces of it ("U.S. Treasury" over "U.S.").
    if (clash.some((n) => n.end - n.start >= g.end - g.start)) continue;
    for (const n of clash) names.splice(names.indexOf(n), 1);
    names.push({
      start: g.start,
      end: g.end,
      text: g.text,
      kind: "actor",
      score: 0.9,
      reason: "A name or alias the graph holds.",
      candidates: candidates.get(g.text) ?? [],
    });
  }
  for (const g of grams) {
    const person = g.text.includes(" ") ? undefined : surnameOf(g.text, candidates.get(g.text) ?? []);
    if (!person || names.some((n) => overlaps(n, g))) continue;
    names.push({
      ...g,
      kind: "actor",
      type: "person",
      score: 0.75,
      reason: "The surname of one person the graph holds.",
      candidates: [person],
    });
  }
  for (const office of await resolveRolePhrases(offices, candidates, resolver, doc.publishedAt))
    if (!names.some((n) => overlaps(n, office))) names.push(office);
  names.sort((a, b) => a.start - b.start);

  const proposals: Proposal[] = [];
  const nameRefs: { proposal: Proposal; person: boolean }[] = [];
  for (const n of names) {
    const p = nameProposal(text, n);
    proposals.push(p);
    nameRefs.push({ proposal: p, person: p.kind === "actor" && p.type === "person" });
  }
  for (const d of dates) {
    proposals.push({ id: "", kind: "date", text: text.slice(d.start, d.end), entity: null, alternatives: [], ...d });
  }
  for (const q of quantities) {
    proposals.push({
      id: "",
      kind: "quantity",
      text: text.slice(q.start, q.end),
      entity: null,
      alternatives: [],
      ...q,
    });
  }
  proposals.sort((a, b) => a.start - b.start || b.end - a.end);
  proposals.forEach((p, i) => {
    p.id = `p${i + 1}`;
  });

  const actorRefs = nameRefs.filter((r) => r.proposal.kind === "actor");
  for (const s of findStatements(
    text,
    actorRefs.map((r) => ({ start: r.proposal.start, end: r.proposal.end, person: r.person })),
    sents,
  )) {
    const speaker = s.speaker === null ? null : (actorRefs[s.speaker]?.proposal ?? null);
    proposals.push({
      id: `p${proposals.length + 1}`,
      kind: "statement",
      text: s.quote,
      start: s.start,
      end: s.end,
      quote: s.quote,
      speaker: speaker?.id ?? null,
      speakerText: speaker?.text ?? null,
      score: s.score,
      reason: s.reason,
      entity: null,
      alternatives: [],
    });
  }
  const refs: Ref[] = proposals.flatMap((p): Ref[] =>
    p.kind === "actor" || p.kind === "forum" || p.kind === "place" || p.kind === "date"
      ? [{ id: p.id, kind: p.kind, start: p.start, end: p.end, person: p.kind === "actor" && p.type === "person" }]
      : [],
  );
  for (const m of findMeetings(text, refs, sents)) {
    proposals.push({
      id: `p${proposals.length + 1}`,
      kind: "meeting",
      text: text.slice(m.start, m.end),
      entity: null,
      alternatives: [],
      ...m,
    });
  }
  // The same meeting reported again links to its event (an `entity`), not a second one.
  await linkMeetings(proposals, resolver, doc.publishedAt);
  return { paragraphs: paras, sentences: sents, proposals };
}

const ACTOR_TYPES: Record<string, ActorType | "place"> = {
  person: "person",
  state: "state",
  organisation: "organisation",
  agency: "organisation",
  company: "organisation",
  military: "organisation",
  group: "group",
  region: "place",
};

/** An actor, forum or place proposal: the recogniser's reading, corrected by what the graph knows. */
function nameProposal(text: string, n: NameMention & { candidates: Candidate[] }): Proposal {
  const best = n.candidates[0];
  const linked = best !== undefined && best.score >= LINK_AT;
  const alternatives: Alternative[] = n.candidates
    .slice(linked ? 1 : 0, 6)
    .map((c) => ({ entity: c.entity, name: c.name, score: c.score }));
  const common = { id: "", text: n.text, start: n.start, end: n.end, alternatives };
  if (!linked || !best) {
    const base = { ...common, score: n.score, reason: n.reason, entity: null };
    if (n.kind === "actor")
      return { ...base, kind: "actor", type: n.type ?? "person", ...(n.title ? { title: n.title } : {}) };
    return { ...base, kind: n.kind };
  }
  const why = `${n.reason} Resolves to ${best.entity} (${best.how === "name" ? "its name" : best.how === "alias" ? "an alias" : `${best.how} of "${best.name}"`}).`;
  const score = Math.round(Math.max(n.score, 0.5 + 0.5 * best.score) * 1000) / 1000;
  if (best.label === "Forum") return { ...common, kind: "forum", score, reason: why, entity: best.entity };
  const type = ACTOR_TYPES[best.kind ?? ""] ?? n.type ?? "person";
  // A capital written as a place ("the parade in Moscow") is the city, not the state it stands for elsewhere.
  const locative = LOCATIVE.test(text.slice(Math.max(0, n.start - 16), n.start));
  if (n.kind === "place" && type !== "place" && locative) {
    return {
      ...common,
      kind: "place",
      score: n.score,
      reason: `${n.reason} Written as a place; the graph's ${best.entity} is an alternative.`,
      entity: null,
      alternatives: [{ entity: best.entity, name: best.name, score: best.score }, ...alternatives],
    };
  }
  if (type === "place") return { ...common, kind: "place", score, reason: why, entity: best.entity };
  return {
    ...common,
    kind: "actor",
    type,
    score,
    reason: why,
    entity: best.entity,
    ...(n.title ? { title: n.title } : {}),
  };
}
