/** Shortest paths between two nodes, as elements, each hop with the passages behind it. */
import { z } from "zod";
import type { PathsResponse } from "../../common/api-types.js";
import { listOrEmpty, path } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector } from "../neo4j/to-elements.js";
import { InvalidArgumentError } from "./errors.js";
import { evidenceByIds, pick } from "./evidence.js";
import { findNode } from "./nodes.js";

const shortest = defineQuery<{ from: string; to: string; maxHops: number; maxPaths: number }>(
  "paths/shortest",
  "READ",
).rows({ path: path(), evidence: z.array(listOrEmpty(z.string())) });

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
  if (options.from === options.to) {
    throw new InvalidArgumentError("paths", "to", "must differ from `from`", "from and to are the same node.");
  }
  const [from, to] = await Promise.all([findNode(runner, options.from, signal), findNode(runner, options.to, signal)]);
  const { rows } = await runner.run(
    shortest,
    { from: from.node.elementId, to: to.node.elementId, maxHops: options.maxHops, maxPaths: options.maxPaths },
    { signal },
  );
  const collector = new ElementCollector();
  const found: PathsResponse["paths"] = [];
  const passageIds = new Set<string>();
  for (const { path, evidence: hopEvidence } of rows) {
    const ids = collector.addPath(path);
    ids.edges.forEach((edgeId, index) => {
      const evidence = hopEvidence[index] ?? [];
      const edge = collector.edge(edgeId);
      if (edge) edge.evidence = evidence;
      for (const id of evidence) passageIds.add(id);
    });
    found.push({ ...ids, length: path.segments.length });
  }
  const evidence = pick(await evidenceByIds(runner, passageIds, signal), [...passageIds]);
  return { elements: collector.elements(), paths: found, evidence };
}
