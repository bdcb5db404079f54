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
import { NotFoundError } from "../lib/errors.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, toJson } from "../neo4j/to-elements.js";
import { evidenceItem } from "./evidence.js";

const byId = defineQuery<{ id: string }>("nodes/by-id", "READ");

interface Filters {
  labels: readonly NodeType[] | null;
  rels: readonly RelType[] | null;
  from: string | null;
  to: string | null;
}
const expand = defineQuery<Filters & { frontier: string[]; seen: string[]; budget: number }>("nodes/expand", "READ");
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

/** The data of a found node, with degree and evidence count (and no heavy properties on the canvas). */
function nodeData(found: FoundNode, collector = new ElementCollector()): NodeData {
  return collector.addNode(found.node, { degree: found.degree, evidenceCount: found.evidenceCount });
}

/** GET /api/nodes/:id: the node with all its properties (a source's full text included). */
export async function getNode(runner: QueryRunner, id: string, signal?: AbortSignal): Promise<NodeResponse> {
  const found = await findNode(runner, id, "GET /api/nodes/:id", signal);
  const data = nodeData(found);
  const content = found.node.properties.content;
  return { node: content === undefined ? data : { ...data, content: toJson(content) } };
}

export interface NeighbourhoodOptions {
  depth: number;
  types?: readonly NodeType[] | undefined;
  rels?: readonly RelType[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/**
 * GET /api/nodes/:id/neighbourhood: the k-hop subgraph, ring by ring (nearest first) until
 * `limit` nodes; every returned node says how many of its neighbours were left out.
 */
export async function neighbourhood(
  runner: QueryRunner,
  id: string,
  options: NeighbourhoodOptions,
  signal?: AbortSignal,
): Promise<SubgraphResponse> {
  const center = await findNode(runner, id, "GET /api/nodes/:id/neighbourhood", signal);
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
    const { records } = await runner.run(expand, { ...filters, frontier, seen, budget }, { signal });
    const found = records.map((record) => String(record.get("elementId")));
    if (found.length > budget) truncated = true;
    frontier = found.slice(0, budget);
    seen.push(...frontier);
  }

  const { records } = await runner.run(subgraph, { ...filters, ids: seen }, { signal });
  const collector = new ElementCollector();
  nodeData(center, collector);
  for (const record of records) {
    collector.addNode(record.get("node") as Node, { hiddenNeighbours: Number(toJson(record.get("hidden"))) });
  }
  for (const record of records) collector.addAny(record.get("rels"));
  return { elements: collector.elements(), truncated };
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
  return {
    node: nodeData(found),
    evidence: passages.records.map((record) => evidenceItem(record.get("passage"), record.get("source"))),
    speaker: speakerList[0] ?? null,
    speakers: speakerList,
  };
}
