/** GET /api/paths: shortest paths between two nodes, as elements, each hop with the passages behind it. */
import type { Path } from "neo4j-driver";
import type { PathsResponse } from "../../common/api-types.js";
import { BadRequestError } from "../lib/errors.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector } from "../neo4j/to-elements.js";
import { evidenceByIds, pick } from "./evidence.js";
import { findNode } from "./nodes.js";

const shortest = defineQuery<{ from: string; to: string; maxHops: number; maxPaths: number }>("paths/shortest", "READ");

export interface PathsOptions {
  from: string;
  to: string;
  maxHops: number;
  maxPaths: number;
}

/**
 * The shortest paths (all of the shortest length, at most `maxPaths`) of at most `maxHops` hops.
 * @example await paths(runner, { from: "actor:qin-gang", to: "actor:fu-cong", maxHops: 6, maxPaths: 5 })
 */
export async function paths(runner: QueryRunner, options: PathsOptions, signal?: AbortSignal): Promise<PathsResponse> {
  const where = "GET /api/paths";
  if (options.from === options.to) {
    throw new BadRequestError(`${where}: from and to are the same node.`, [
      { parameter: "to", in: "query", message: "must differ from `from`" },
    ]);
  }
  const [from, to] = await Promise.all([
    findNode(runner, options.from, where, signal),
    findNode(runner, options.to, where, signal),
  ]);
  const { records } = await runner.run(
    shortest,
    { from: from.node.elementId, to: to.node.elementId, maxHops: options.maxHops, maxPaths: options.maxPaths },
    { signal },
  );
  const collector = new ElementCollector();
  const found: PathsResponse["paths"] = [];
  const passageIds = new Set<string>();
  for (const record of records) {
    const path = record.get("path") as Path;
    const hopEvidence = record.get("evidence") as (string[] | null)[];
    const ids = collector.addPath(path);
    path.segments.forEach((_segment, index) => {
      const edgeId = ids.edges[index] as string;
      const evidence = hopEvidence[index] ?? [];
      const edge = collector.edge(edgeId);
      if (edge) edge.evidence = evidence;
      for (const id of evidence) passageIds.add(id);
    });
    found.push({ ...ids, length: path.length });
  }
  const evidence = pick(await evidenceByIds(runner, passageIds, signal), [...passageIds]);
  return { elements: collector.elements(), paths: found, evidence };
}
