/** Use cases on single nodes: one node, its bounded neighbourhood, and its provenance. */
import type { Node } from "neo4j-driver";
import type {
  NodeData,
  NodeResponse,
  NodeType,
  ProvenanceResponse,
  RelType,
  SubgraphResponse,
} from "../../common/api-types.js";
import { BadRequestError, NotFoundError } from "../lib/errors.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, toJson } from "../neo4j/to-elements.js";
import { evidenceByIds, pick } from "./evidence.js";

const byId = defineQuery<{ id: string }>("nodes/by-id", "READ");

interface Filters {
  labels: readonly NodeType[] | null;
  rels: readonly RelType[] | null;
  from: string | null;
  to: string | null;
}
const expand = defineQuery<Filters & { frontier: string[]; seen: string[]; offset: number; budget: number }>(
  "nodes/expand",
  "READ",
);
const subgraph = defineQuery<Filters & { ids: string[] }>("nodes/subgraph", "READ");
const provenanceQuery = defineQuery<{ elementId: string }>("nodes/provenance", "READ");
const speakersQuery = defineQuery<{ id: string }>("nodes/speakers", "READ");

export interface FoundNode {
  node: Node;
  degree: number;
  evidenceCount: number;
}

/**
 * The node with this id, or NotFoundError naming `where` and the id.
 * @example await findNode(runner, "actor:sergey-lavrov", "GET /api/nodes/:id")
 */
export async function findNode(
  runner: QueryRunner,
  id: string,
  where: string,
  signal?: AbortSignal,
): Promise<FoundNode> {
  const { records } = await runner.run(byId, { id }, { signal });
  const record = records[0];
  if (!record) throw new NotFoundError(`${where}: no node "${id}".`, { id });
  return {
    node: record.get("node") as Node,
    degree: Number(toJson(record.get("degree"))),
    evidenceCount: Number(toJson(record.get("evidenceCount"))),
  };
}

/**
 * The node with this id if it is of the expected type: NotFoundError when unknown, BadRequestError
 * naming the parameter when it is of another type.
 * @example await expectNode(runner, "forum:g20", "Forum", "forum", "GET /api/meetings")
 */
export async function expectNode(
  runner: QueryRunner,
  id: string,
  type: NodeType,
  parameter: string,
  where: string,
  signal?: AbortSignal,
): Promise<FoundNode> {
  const found = await findNode(runner, id, where, signal);
  if (!found.node.labels.includes(type)) {
    const article = type === "Actor" ? "an" : "a";
    throw new BadRequestError(`${where}: ${parameter} "${id}" is not ${article} ${type}.`, [
      { parameter, in: "query", message: `must be the id of ${article} ${type}` },
    ]);
  }
  return found;
}

/** The data of a found node, with degree and evidence count (and no heavy properties on the canvas). */
function nodeData(found: FoundNode, collector = new ElementCollector()): NodeData {
  return collector.addNode(found.node, { degree: found.degree, evidenceCount: found.evidenceCount });
}

/** GET /api/nodes/:id: the node with all its properties (a source's full text included). */
export async function getNode(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<NodeResponse> {
  const found = await findNode(runner, id, "GET /api/nodes/:id", signal);
  const data = nodeData(found);
  const content = found.node.properties.content;
  return {
    node: data.type === "Source" && content !== undefined ? { ...data, content: String(toJson(content)) } : data,
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
 * GET /api/nodes/:id/neighbourhood: the k-hop subgraph, ring by ring (nearest first) until
 * `limit` nodes; every returned node says how many of its neighbours were left out. At depth 1,
 * `offset` pages through all the node's neighbours ("Show more"): `nextOffset` names the next page.
 */
export async function neighbourhood(
  runner: QueryRunner,
  id: string,
  options: NeighbourhoodOptions,
  signal?: AbortSignal,
): Promise<SubgraphResponse> {
  const where = "GET /api/nodes/:id/neighbourhood";
  const offset = options.offset ?? 0;
  if (offset > 0 && options.depth > 1) {
    throw new BadRequestError(`${where}: offset pages through direct neighbours only; give depth=1.`, [
      { parameter: "offset", in: "query", message: "needs depth=1" },
    ]);
  }
  const center = await findNode(runner, id, where, signal);
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
    const { records } = await runner.run(expand, { ...filters, frontier, seen, offset: skip, budget }, { signal });
    const found = records.map((record) => String(record.get("elementId")));
    if (found.length > budget) truncated = true;
    frontier = found.slice(0, budget);
    seen.push(...frontier);
  }

  const { records } = await runner.run(subgraph, { ...filters, ids: seen }, { signal });
  const collector = new ElementCollector();
  nodeData(center, collector);
  for (const record of records) {
    const node = record.get("node") as Node;
    const hidden = Number(toJson(record.get("hidden")));
    // The pages skipped are not "left out": the caller has them already.
    const left = node.elementId === center.node.elementId ? Math.max(0, hidden - offset) : hidden;
    collector.addNode(node, { hiddenNeighbours: left });
  }
  for (const record of records) collector.addAny(record.get("rels"));
  const shown = seen.length - 1;
  return {
    elements: collector.elements(),
    truncated,
    offset,
    nextOffset: options.depth === 1 && truncated && shown > 0 ? offset + shown : null,
  };
}

/** GET /api/nodes/:id/provenance: every passage that evidences the node, its source, and a statement's speakers. */
export async function provenance(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<ProvenanceResponse> {
  const found = await findNode(runner, id, "GET /api/nodes/:id/provenance", signal);
  const [passages, speakers] = await Promise.all([
    runner.run(provenanceQuery, { elementId: found.node.elementId }, { signal }),
    runner.run(speakersQuery, { id }, { signal }),
  ]);
  const speakerList = speakers.records.map((record) => {
    const speaker = record.get("speaker") as { id: string; name: string };
    return { id: speaker.id, name: speaker.name };
  });
  const passageIds = passages.records.map((record) => String(record.get("passage")));
  return {
    node: nodeData(found),
    evidence: pick(await evidenceByIds(runner, passageIds, signal), passageIds),
    speaker: speakerList[0] ?? null,
    speakers: speakerList,
  };
}
