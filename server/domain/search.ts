/**
 * Search: finds what people type. An exact name or alias first, then hits by how much of
 * the query they cover, named things before what mentions them, with highlighted snippets.
 */
import { z } from "zod";
import type { NodeType, SearchHit, SearchResponse } from "../../common/api-types.js";
import { int, listOrEmpty, num } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner, type RowOf } from "../neo4j/query-runner.js";
import { nodeLabel, nodeType } from "../neo4j/to-elements.js";
import {
  type Coverage,
  coverage,
  type IndexKind,
  luceneQueries,
  markTerms,
  type ParsedQuery,
  PREFIX_MIN,
  parseQuery,
  snippet,
} from "./lucene.js";

const TIERS = ["keys", "names", "titles", "text"] as const;
type Tier = (typeof TIERS)[number];

const hitsQuery = defineQuery<{
  keys: string | null;
  names: string | null;
  titles: string | null;
  text: string | null;
  types: readonly NodeType[] | null;
  fetch: number;
  pool: number;
}>("search/hits", "READ").rows({
  tier: z.enum(TIERS),
  score: num(),
  labels: z.array(z.string()),
  props: z.object({
    id: z.string(),
    name: z.string().nullable(),
    title: z.string().nullable(),
    text: z.string().nullable(),
    exact: z.string().nullable(),
    aliases: listOrEmpty(z.string()),
  }),
  degree: int(),
});
/** What a hit's index holds of it: never a source's content or a paragraph. */
type Props = RowOf<typeof hitsQuery>["props"];

/** The labels each index holds (cypher/schema.cypher): an index that cannot hold a wanted type is not asked. */
const TIER_LABELS: Record<Tier, readonly NodeType[]> = {
  keys: ["Actor", "Forum", "Event", "Source"],
  names: ["Actor", "Forum"],
  titles: ["Event", "Source"],
  text: ["Claim", "Passage"],
};

/**
 * Who and where before what happened and what was written, before what was claimed, before the
 * quotations that say it: among hits that cover as much of the query, the named thing comes first.
 */
const TYPE_RANK: Partial<Record<NodeType, number>> = { Actor: 0, Forum: 0, Event: 1, Source: 1, Claim: 2, Passage: 3 };

/** Hits read from each index beyond the limit, so that re-ranking across indexes has a choice. */
const EXTRA = 20;
/** How many more names are read than kept, to keep the most connected of those a prefix matches alike. */
const NAME_POOL = 10;

export interface SearchOptions {
  q: string;
  types?: readonly NodeType[] | undefined;
  limit: number;
}

interface Candidate {
  id: string;
  type: NodeType;
  label: string;
  props: Props;
  /** Which index found it: how its words were matched. */
  kind: IndexKind;
  exact: boolean;
  lucene: number;
  degree: number;
  coverage: Coverage;
}

/**
 * One number that orders hits: an exact name or alias, then the share of the query covered (each
 * word of 12 outweighs everything below it), then the type, then whole words over prefixes, then
 * the index's own score and how connected the node is (a hub before a namesake that is not).
 */
function relevance(hit: Candidate): number {
  const covered = hit.coverage.of === 0 ? 0 : hit.coverage.covered / hit.coverage.of;
  const whole = hit.coverage.of === 0 ? 0 : hit.coverage.whole / hit.coverage.of;
  return (
    (hit.exact ? 8 : 0) +
    4 * covered +
    0.08 * (3 - (TYPE_RANK[hit.type] ?? 3)) +
    0.05 * whole +
    0.02 * (hit.lucene / (1 + hit.lucene)) +
    0.01 * Math.min(1, Math.log10(1 + hit.degree) / 5)
  );
}

/** The texts a hit is matched on: what its index holds. */
function searchedTexts(props: Props, type: NodeType): string[] {
  const one = (value: string | null) => (value === null ? [] : [value]);
  if (type === "Claim") return one(props.text);
  if (type === "Passage") return one(props.exact);
  if (type === "Source") return one(props.title ?? props.name);
  return [...one(props.name), ...props.aliases];
}

/**
 * Ranked hits for what a person typed; text with no word in it finds nothing.
 * @example await search(runner, { q: "the SCO", limit: 10 }) // forum:sco first (its alias)
 */
export async function search(
  runner: QueryRunner,
  options: SearchOptions,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  const query = parseQuery(options.q);
  if (query === null) return { query: options.q, hits: [] };
  const lucene = luceneQueries(query);
  const wanted = (tier: Tier) =>
    options.types === undefined || TIER_LABELS[tier].some((label) => options.types?.includes(label));
  const { rows } = await runner.run(
    hitsQuery,
    {
      keys: wanted("keys") ? lucene.keys : null,
      names: wanted("names") ? lucene.names : null,
      titles: wanted("titles") ? lucene.names : null,
      text: wanted("text") ? lucene.text : null,
      types: options.types ?? null,
      fetch: options.limit + EXTRA,
      pool: (options.limit + EXTRA) * NAME_POOL,
    },
    { signal },
  );

  const candidates = new Map<string, Candidate>();
  for (const { tier, props, labels, degree, score } of rows) {
    const type = nodeType(labels);
    const id = props.id;
    const known = candidates.get(id);
    const found = { exact: tier === "keys", degree, query, tier };
    if (tier === "keys") {
      // The exact lookup only says that the key matched; the word indexes give the score.
      if (known) known.exact = true;
      else candidates.set(id, candidate(id, type, props, 0, found));
    } else if (known) known.lucene = Math.max(known.lucene, score);
    else candidates.set(id, candidate(id, type, props, score, found));
  }

  const ranked = [...candidates.values()]
    .map((hit) => ({ hit, relevance: relevance(hit) }))
    .sort(
      (a, b) =>
        b.relevance - a.relevance || a.hit.label.length - b.hit.label.length || a.hit.id.localeCompare(b.hit.id),
    );
  const terms = markTerms(query);
  const hits: SearchHit[] = ranked.slice(0, options.limit).map(({ hit, relevance }) => ({
    id: hit.id,
    type: hit.type,
    label: hit.label,
    score: Math.round(relevance * 1000) / 1000,
    snippet: snippet(matchedText(hit, terms), terms, 160, PREFIX_MIN[hit.kind]),
  }));
  return { query: options.q, hits };
}

function candidate(
  id: string,
  type: NodeType,
  props: Props,
  lucene: number,
  found: { exact: boolean; degree: number; query: ParsedQuery; tier: Tier },
): Candidate {
  const kind: IndexKind = found.tier === "text" ? "text" : "names";
  const covered = coverage(found.query, searchedTexts(props, type), kind);
  const label = nodeLabel(props, id);
  return { id, type, label, props, kind, exact: found.exact, lucene, degree: found.degree, coverage: covered };
}

/** The searched text that holds a marked word (a claim's full text, or the alias that matched), else the first. */
function matchedText(hit: Candidate, terms: readonly string[]): string {
  const texts = searchedTexts(hit.props, hit.type);
  const marks = (text: string) =>
    snippet(text, terms, Number.POSITIVE_INFINITY, PREFIX_MIN[hit.kind]).highlights.length > 0;
  return texts.find(marks) ?? texts[0] ?? hit.label;
}
