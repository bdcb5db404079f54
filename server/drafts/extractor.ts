/** The extractor the server gives drafts: server/extract/'s proposals, names resolved against the graph this server reads. */
import { extract, graphResolver } from "../extract/index.js";
import type { QueryRunner } from "../neo4j/query-runner.js";
import type { Extractor } from "./drafts.js";

/**
 * Extracts proposals from a draft's text, looking names up in the graph (bounded full-text lookups,
 * stopped with the request's signal).
 * @example createApp({ …, extractor: graphExtractor(runner) })
 */
export function graphExtractor(runner: QueryRunner): Extractor {
  return (doc, signal) => extract(doc, graphResolver(runner, signal), signal ? { signal } : {});
}
