/** Use cases on single nodes: one node, its bounded neighbourhood, and its provenance. */
import { z } from "zod";
import type {
  NodeData,
  NodeResponse,
  NodeType,
  ProvenanceResponse,
  RelType,
  SubgraphResponse,
} from "../../common/api-types.js";
import { int, node, relationship } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, type GraphNode } from "../neo4j/to-elements.js";
import { InvalidArgumentError, NotFoundDomainError } from "./errors.js";
import { evidenceByIds, pick } from "./evidence.js";

const byId = defineQuery<{ id: string }>("nodes/by-id", "READ").rows({
  node: node(),
  degree: int(),
  evidenceCount: int(),
  ringed: z.boolean(),
});

interface Filters {
  labels: readonly NodeType[] | null;
  rels: readonly RelType[] | null;
  from: string | null;
  to: string | null;
}
const expand = defineQuery<Filters & { frontier: string[]; seen: string[]; offset: number; budget: number }>(
  "nodes/expand",
  "READ",
).rows({ node: node(), elementId: z.string() });
const expandNearest = defineQuery<{ center: string; offset: number; budget: number }>(
  "nodes/expand-nearest",
  "READ",
).rows({
  listed: int().nullable(),
  neighbours: int().nullable(),
  page: z.array(z.object({ node: node(), elementId: z.string() })),
});
const subgraph = defineQuery<Filters & { ids: string[] }>("nodes/subgraph", "READ").rows({
  node: node(),
  rels: z.array(relationship()),
  hidden: int(),
});
const provenanceQuery = defineQuery<{ elementId: string }>("nodes/provenance", "READ").rows({
  passage: z.string(),
});
const speakersQuery = defineQuery<{ id: string }>("nodes/speakers", "READ").rows({
  speaker: z.object({ id: z.string(), name: z.string() }),
});

export interface FoundNode {
  node: GraphNode;
  degree: number;
  evidenceCount: number;
  /** It has a precomputed first ring (cypher/projection/nearest-of.cypher). */
  ringed: boolean;
}

/**
 * The node with this id, or NotFoundDomainError naming the id.
 * @example await findNode(runner, "actor:sergey-lavrov")
 */
export async function findNode(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<FoundNode> {
  const [found] = (await runner.run(byId, { id }, { signal })).rows;
  if (!found) throw new NotFoundDomainError("findNode", "node", id);
  return found;
}

/**
 * The node with this id if it is of the expected type: NotFoundDomainError when unknown,
 * InvalidArgumentError naming the parameter when it is of another type.
 * @example await expectNode(runner, "forum:g20", "Forum", "forum")
 */
export async function expectNode(
  runner: QueryRunner,
  id: string,
  type: NodeType,
  parameter: string,
  signal?: AbortSignal,
): Promise<FoundNode> {
  const found = await findNode(runner, id, signal);
  if (!found.node.labels.includes(type)) {
    const article = type === "Actor" ? "an" : "a";
    throw new InvalidArgumentError(
      "expectNode",
      parameter,
      `must be the id of ${article} ${type}`,
      `${parameter} "${id}" is not ${article} ${type}.`,
    );
  }
  return found;
}

/** The data of a found node, with degree and evidence count (and no heavy properties on the canvas). */
function nodeData(found: FoundNode, collector = new ElementCollector()): NodeData {
  return collector.addNode(found.node, { degree: found.degree, evidenceCount: found.evidenceCount });
}

/** One node with all its properties (a source's full text included). */
export async function getNode(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<NodeResponse> {
  const found = await findNode(runner, id, signal);
  const data = nodeData(found);
  const content = found.node.properties.content;
  return {
    node: data.type === "Source" && content !== undefined ? { ...data, content: String(content) } : data,
  };
}

export interface NeighbourhoodOptions {
  depth: number;
  types?: readonly NodeType[] | undefined;
  rels?: readonly RelType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** Depth 1 only: neighbours to skip, in the same nearest-first order (the pages already shown). */
  offset?: number | undefined;
}

/**
 * A node's neighbourhood: the k-hop subgraph, ring by ring (nearest first) until
 * `limit` nodes; every returned node says how many of its neighbours were left out. At depth 1,
 * `offset` pages through all the node's neighbours ("Show more"): `nextOffset` names the next page.
 */
export async function neighbourhood(
  runner: QueryRunner,
  id: string,
  options: NeighbourhoodOptions,
  signal?: AbortSignal,
): Promise<SubgraphResponse> {
  const offset = options.offset ?? 0;
  if (offset > 0 && options.depth > 1) {
    throw new InvalidArgumentError(
      "neighbourhood",
      "offset",
      "needs depth=1",
      "offset pages through direct neighbours only; give depth=1.",
    );
  }
  const center = await findNode(runner, id, signal);
  const filters: Filters = {
    labels: options.types ?? null,
    rels: options.rels ?? null,
    from: options.from ?? null,
    to: options.to ?? null,
  };
  const seen = [center.node.elementId];
  let frontier = [center.node.elementId];
  let truncated = false;
  for (let ring = 1; ring <= options.depth && frontier.length > 0; ring++) {
    const budget = options.limit - seen.length;
    if (budget <= 0) {
      truncated = true;
      break;
    }
    const skip = ring === 1 ? offset : 0;
    // A dense centre (one with a precomputed first ring) without filters reads a page of its ring.
    const dense = center.ringed;
    const listed =
      ring === 1 && dense && unfiltered(filters)
        ? await fromNearest(runner, center.node.elementId, skip, budget, signal)
        : null;
    const rows =
      listed ?? (await runner.run(expand, { ...filters, frontier, seen, offset: skip, budget }, { signal })).rows;
    const found = rows.map((row) => row.elementId);
    if (found.length > budget) truncated = true;
    frontier = found.slice(0, budget);
    seen.push(...frontier);
  }

  const { rows } = await runner.run(subgraph, { ...filters, ids: seen }, { signal });
  const collector = new ElementCollector();
  nodeData(center, collector);
  for (const { node, hidden } of rows) {
    // The pages skipped are not "left out": the caller has them already.
    const left = node.elementId === center.node.elementId ? Math.max(0, hidden - offset) : hidden;
    collector.addNode(node, { hiddenNeighbours: left });
  }
  for (const row of rows) for (const rel of row.rels) collector.addRelationship(rel);
  const shown = seen.length - 1;
  return {
    elements: collector.elements(),
    truncated,
    offset,
    nextOffset: options.depth === 1 && truncated && shown > 0 ? offset + shown : null,
  };
}

const unfiltered = (filters: Filters) =>
  filters.labels === null && filters.rels === null && filters.from === null && filters.to === null;

/**
 * One page of a dense node's first ring from its precomputed list (cypher/projection/nearest-of.cypher),
 * or null when the node has no list, when the page reaches past the list, or when an entry is no
 * longer a neighbour (a load since): nodes/expand then walks all the node's relationships.
 */
async function fromNearest(
  runner: QueryRunner,
  center: string,
  offset: number,
  budget: number,
  signal?: AbortSignal,
): Promise<{ elementId: string; node: GraphNode }[] | null> {
  const [row] = (await runner.run(expandNearest, { center, offset, budget }, { signal })).rows;
  if (!row || row.listed === null || row.neighbours === null) return null;
  const wanted = Math.max(0, Math.min(budget + 1, row.neighbours - offset));
  const inList = Math.max(0, Math.min(budget + 1, row.listed - offset));
  return inList >= wanted && row.page.length === wanted ? row.page : null;
}

/** A node's provenance: every passage that evidences the node, its source, and a statement's speakers. */
export async function provenance(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<ProvenanceResponse> {
  const found = await findNode(runner, id, signal);
  const [passages, speakers] = await Promise.all([
    runner.run(provenanceQuery, { elementId: found.node.elementId }, { signal }),
    runner.run(speakersQuery, { id }, { signal }),
  ]);
  const speakerList = speakers.rows.map(({ speaker }) => ({ id: speaker.id, name: speaker.name }));
  const passageIds = passages.rows.map((row) => row.passage);
  return {
    node: nodeData(found),
    evidence: pick(await evidenceByIds(runner, passageIds, signal), passageIds),
    speaker: speakerList[0] ?? null,
    speakers: speakerList,
  };
}
