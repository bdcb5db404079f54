/** GET /api/search: full-text search that tolerates case, diacritics and partial words, with highlighted snippets. */
import type { Node } from "neo4j-driver";
import type { NodeType, SearchHit, SearchResponse } from "../../common/api-types.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { nodeLabel, nodeType } from "../neo4j/to-elements.js";
import { fold, luceneQuery, queryTerms, snippet } from "./lucene.js";

const fulltext = defineQuery<{ lucene: string; types: readonly NodeType[] | null; fetch: number; limit: number }>(
  "search/fulltext",
  "READ",
);

/** The indexed fields, in the order a snippet prefers them (a claim's full text over its short name). */
const FIELDS = ["text", "exact", "name", "title", "aliasText"] as const;

/**
 * Named things before what mentions them: people search for actors, forums and events. A short
 * passage that is just a name ("Qin Gang") would otherwise outscore the actor it names.
 */
const TYPE_WEIGHT: Partial<Record<NodeType, number>> = { Actor: 1.5, Forum: 1.5, Event: 1.2, Passage: 0.6 };

/** True when every term starts a word of the node's name or aliases. */
function nameHoldsAll(properties: Record<string, unknown>, terms: readonly string[]): boolean {
  const words = queryTerms(`${properties.name ?? ""} ${properties.aliasText ?? ""}`);
  return terms.length > 0 && terms.every((term) => words.some((word) => word.startsWith(term)));
}

export interface SearchOptions {
  q: string;
  types?: readonly NodeType[] | undefined;
  limit: number;
}

/**
 * Ranked hits for what a person typed; text with no word in it finds nothing.
 * @example await search(runner, { q: "lavr", limit: 10 }) // Sergey Lavrov first
 */
export async function search(
  runner: QueryRunner,
  options: SearchOptions,
  signal?: AbortSignal,
): Promise<SearchResponse> {
  const lucene = luceneQuery(options.q);
  if (lucene === null) return { query: options.q, hits: [] };
  const terms = queryTerms(options.q);
  const { records } = await runner.run(
    fulltext,
    { lucene, types: options.types ?? null, fetch: options.limit * 5, limit: options.limit * 5 },
    { signal },
  );
  const ranked = records.map((record) => {
    const node = record.get("node") as Node;
    const properties = node.properties as Record<string, unknown>;
    const id = String(properties.id ?? node.elementId);
    const type = nodeType(node.labels);
    const score = Number(record.get("score")) * (TYPE_WEIGHT[type] ?? 1);
    const named = type === "Actor" || type === "Forum" || type === "Event";
    return {
      // An actor, forum or event whose name holds every word typed comes first (a claim's name is its text).
      nameMatch: named && nameHoldsAll(properties, terms),
      id,
      type,
      label: nodeLabel(properties, id),
      score: Math.round(score * 1000) / 1000,
      snippet: snippet(matchedField(properties, terms), terms),
    };
  });
  ranked.sort((a, b) => Number(b.nameMatch) - Number(a.nameMatch) || b.score - a.score || a.id.localeCompare(b.id));
  const hits: SearchHit[] = ranked.slice(0, options.limit).map(({ nameMatch: _nameMatch, ...hit }) => hit);
  return { query: options.q, hits };
}

/** The text of the first indexed field that holds a query word (else the first field with text). */
function matchedField(properties: Record<string, unknown>, terms: readonly string[]): string {
  const texts = FIELDS.map((field) => properties[field]).filter((value): value is string => typeof value === "string");
  return texts.find((text) => terms.some((term) => fold(text).includes(term))) ?? texts[0] ?? "";
}
