/**
 * A dataset's footprint: the ids of the nodes a one-transaction load wrote and the ends of its
 * relationships, recorded on the Dataset node, so that the next load of the dataset (retract,
 * prune) and the incremental projection find them by index seeks instead of scanning the graph.
 * docs/loading.md describes it.
 */
import { z } from "zod";
import type { Exec, Footprint } from "../domain/projections.js";
import { int } from "../neo4j/columns.js";
import { defineQuery } from "../neo4j/query-runner.js";
import { type GraphRows, NODE_LABELS, REL_TYPES } from "./graph-model.js";

/** The two ends of a relationship, by id. */
interface Link {
  from: string;
  to: string;
}

/** What a dataset's load wrote: its nodes and its relationships' ends (no repeats). */
export interface Written {
  nodes: string[];
  links: Link[];
}

/**
 * What the database knows of a dataset before a load: never loaded (nothing to retract), loaded
 * with a footprint, or loaded without one (by the streaming or bulk path, or an older loader).
 */
export type Former = { kind: "new" } | { kind: "unrecorded" } | ({ kind: "recorded" } & Written);

const footprint = defineQuery<{ dataset: string }>("dataset/footprint", "READ").rows({
  loaded: z.boolean(),
  nodes: z.array(z.string()).nullable(),
  from: z.array(z.string()).nullable(),
  to: z.array(z.string()).nullable(),
});
const setFootprint = defineQuery<{ dataset: string } & Written>("dataset/set-footprint", "WRITE").rows({
  nodes: int(),
  links: int(),
});
const counts = { nodes: int(), relationships: int() };
const retractScan = defineQuery<{ dataset: string }>("dataset/retract", "WRITE").rows(counts);
const pruneScan = defineQuery<Record<string, never>>("dataset/prune", "WRITE").rows(counts);
const retractSeek = defineQuery<{ dataset: string } & Written>("dataset/retract-footprint", "WRITE").rows(counts);
const pruneSeek = defineQuery<Written>("dataset/prune-footprint", "WRITE").rows(counts);

/** Reads the dataset's former footprint (inside the load's transaction, before it writes). */
export async function formerFootprint(exec: Exec, dataset: string): Promise<Former> {
  const [row] = await exec(footprint, { dataset });
  if (!row?.loaded) return { kind: "new" };
  if (!row.nodes || !row.from || !row.to) return { kind: "unrecorded" };
  const to = row.to;
  return { kind: "recorded", nodes: row.nodes, links: row.from.map((from, i) => ({ from, to: to[i] as string })) };
}

/** What these rows write: every node id, and the ends of every relationship once. */
export function writtenBy(graph: GraphRows): Written {
  const nodes = NODE_LABELS.flatMap((label) => graph.nodes[label].map((row) => row.id));
  const links = new Map<string, Link>();
  for (const type of REL_TYPES)
    for (const { from, to } of graph.relationships[type]) links.set(JSON.stringify([from, to]), { from, to });
  return { nodes: [...new Set(nodes)], links: [...links.values()] };
}

/** The footprint as the projection reads it: the nodes held, and the relationships' ends (none when unknown). */
export function footprintOf(written: Written | Former): Footprint {
  if (!("nodes" in written)) return { held: [], ends: [] };
  return { held: written.nodes, ends: [...new Set(written.links.flatMap((link) => [link.from, link.to]))] };
}

/**
 * First step of a (re)load: takes the dataset off what it held. By index seeks through its
 * footprint; by a scan of the graph only for a dataset loaded without one.
 */
export async function retractDataset(exec: Exec, dataset: string, former: Former): Promise<void> {
  if (former.kind === "unrecorded") await exec(retractScan, { dataset });
  else if (former.kind === "recorded") await exec(retractSeek, { dataset, nodes: former.nodes, links: former.links });
}

/** Last step of a (re)load: deletes what no dataset holds any more; returns how much. */
export async function pruneDataset(exec: Exec, former: Former): Promise<{ nodes: number; relationships: number }> {
  if (former.kind === "new") return { nodes: 0, relationships: 0 };
  const [pruned] =
    former.kind === "unrecorded"
      ? await exec(pruneScan, {})
      : await exec(pruneSeek, { nodes: former.nodes, links: former.links });
  return { nodes: pruned?.nodes ?? 0, relationships: pruned?.relationships ?? 0 };
}

/** Records what the load wrote on the Dataset node (after dataset/merge-dataset, which replaces its properties). */
export async function recordFootprint(exec: Exec, dataset: string, written: Written): Promise<void> {
  await exec(setFootprint, { dataset, ...written });
}
