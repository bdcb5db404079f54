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

/** The indexed fields, in the order a snippet prefers them. */
const FIELDS = ["name", "aliasText", "title", "text", "exact"] as const;

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
    { lucene, types: options.types ?? null, fetch: options.limit * 5, limit: options.limit },
    { signal },
  );
  const hits: SearchHit[] = records.map((record) => {
    const node = record.get("node") as Node;
    const properties = node.properties as Record<string, unknown>;
    const id = String(properties.id ?? node.elementId);
    return {
      id,
      type: nodeType(node.labels),
      label: nodeLabel(properties, id),
      score: Math.round(Number(record.get("score")) * 1000) / 1000,
      snippet: snippet(matchedField(properties, terms), terms),
    };
  });
  return { query: options.q, hits };
}

/** The text of the first indexed field that holds a query word (else the first field with text). */
function matchedField(properties: Record<string, unknown>, terms: readonly string[]): string {
  const texts = FIELDS.map((field) => properties[field]).filter((value): value is string => typeof value === "string");
  return texts.find((text) => terms.some((term) => fold(text).includes(term))) ?? texts[0] ?? "";
}
