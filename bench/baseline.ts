/**
 * The per-row baseline the loader is compared with: a sample of the same dataset's rows written
 * with the loader's own staging queries, one transaction per row (what a naive loader does), in the
 * database the load just filled; the staged sample is then cleared.
 */
import { toNeo4jProps } from "../server/dataset/load.js";
import { recordResolver } from "../server/dataset/resolve.js";
import { clearStaged, stageNodes, stageRels } from "../server/dataset/stream-load.js";
import { StreamedDataset } from "../server/dataset/stream-read.js";
import type { QueryRunner } from "../server/neo4j/query-runner.js";
import { loadAverage } from "./machine.js";
import { round } from "./stats.js";

/** The staged rows carry this dataset id, so they are never mistaken for the loaded data and are cleared by it. */
const BASELINE_DATASET = "dataset:bench-per-row-baseline";

export interface BaselineFigures {
  nodes: number;
  relationships: number;
  seconds: number;
  rowsPerS: number;
  loadAverage: { start: number[]; end: number[] };
}

/**
 * Writes up to `sample` nodes and `sample` relationships of `folder`, one per transaction.
 * Relationships are taken from the same records as the nodes; an end that is not in the sample is
 * replaced by a sampled node, so that each write still finds two staged ends as the loader's do.
 * @example await perRowBaseline(runner, ".bench-data/small-seed1", 2000)
 */
export async function perRowBaseline(runner: QueryRunner, folder: string, sample: number): Promise<BaselineFigures> {
  const data = new StreamedDataset(folder);
  await data.scan();
  const resolver = recordResolver({ sourceText: (id) => data.sourceText(id), actorName: (id) => data.actorName(id) });
  const nodes: { label: string; id: string; props: Record<string, unknown> }[] = [];
  const rels: { type: string; from: string; to: string; props: Record<string, unknown> }[] = [];
  for await (const record of data.records()) {
    const rows =
      record.kind === "source"
        ? resolver.source(record.value)
        : record.kind === "actor"
          ? resolver.actor(record.value)
          : record.kind === "forum"
            ? resolver.forum(record.value)
            : record.kind === "event"
              ? resolver.event(record.value)
              : resolver.claim(record.value);
    for (const { label, row } of rows.nodes)
      if (nodes.length < sample) nodes.push({ label, id: row.id, props: toNeo4jProps(row.props) });
    for (const { type, row } of rows.relationships)
      if (rels.length < sample) rels.push({ type, from: row.from, to: row.to, props: toNeo4jProps(row.props) });
    if (nodes.length >= sample && rels.length >= sample) break;
  }

  const startLoad = loadAverage();
  const started = performance.now();
  const elements = new Map<string, string>();
  for (const { label, id, props } of nodes) {
    const { rows } = await runner.run(stageNodes, { rows: [{ id, props }], label, dataset: BASELINE_DATASET });
    elements.set(id, String(rows[0]?.element));
  }
  const staged = [...elements.values()];
  const elementOf = (id: string, index: number) => elements.get(id) ?? staged[index % staged.length] ?? "";
  for (const [index, { type, from, to, props }] of rels.entries()) {
    await runner.run(stageRels, {
      rows: [{ from: elementOf(from, index), to: elementOf(to, index + 1), props }],
      type,
      dataset: BASELINE_DATASET,
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const end = loadAverage();
  await clearStaged(runner, BASELINE_DATASET);
  return {
    nodes: nodes.length,
    relationships: rels.length,
    seconds: round(seconds, 1),
    rowsPerS: Math.round((nodes.length + rels.length) / seconds),
    loadAverage: { start: startLoad, end },
  };
}
