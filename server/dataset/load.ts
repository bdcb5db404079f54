/**
 * Loads a dataset folder into Neo4j, all or nothing. A small dataset is validated whole and written
 * in one write transaction (batched with UNWIND, merged with other datasets, idempotent on reload);
 * a large one goes through the streaming loader (stream-load.ts: bounded memory, staged, published
 * in one small transaction). docs/loading.md compares the two.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import neo4j from "neo4j-driver";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  autoCommit,
  projectionCurrent,
  refreshProjections,
  touchedBy,
  updateProjections,
} from "../domain/projections.js";
import { int } from "../neo4j/columns.js";
import { defineQuery, type Query, type QueryRunner } from "../neo4j/query-runner.js";
import { graphProblems } from "./external.js";
import { footprintOf, formerFootprint, pruneDataset, recordFootprint, retractDataset, writtenBy } from "./footprint.js";
import {
  DATE_KEYS,
  type GraphRows,
  INTEGER_KEYS,
  LOADER_VERSION,
  NODE_LABELS,
  type NodeLabel,
  type Props,
  REL_TYPES,
  type RelType,
} from "./graph-model.js";
import { resolveDataset } from "./resolve.js";
import { DatasetLoadError, loadFailure, streamLoad } from "./stream-load.js";
import { LIST_FILES } from "./stream-read.js";
import { DatasetInvalidError, readDataset } from "./validate.js";

type Rows<Row> = { rows: Row[]; dataset: string };
type NodeParams = Rows<{ id: string; props: Record<string, unknown> }>;
type RelParams = Rows<{ from: string; to: string; props: Record<string, unknown> }>;

const kebab = (name: string) => name.toLowerCase().replaceAll("_", "-");
// One merge file per label and per type, generated from the model (tests/unit/merge-queries.test.ts):
// Neo4j 5.26 plans a dynamic label in MERGE as a scan of all nodes, and a dynamic type as a scan
// of all relationships when the graph is empty (a first load), so neither can be folded.
/** Rows a merge wrote: fewer than it was given means an endpoint was missing. */
const written = { written: int() };
const mergeNodes = Object.fromEntries(
  NODE_LABELS.map((label) => [
    label,
    defineQuery<NodeParams>(`dataset/merge-${kebab(label)}-nodes`, "WRITE").rows(written),
  ]),
) as Record<NodeLabel, Query<NodeParams, { written: number }>>;
const mergeRels = Object.fromEntries(
  REL_TYPES.map((type) => [type, defineQuery<RelParams>(`dataset/merge-${kebab(type)}`, "WRITE").rows(written)]),
) as Record<RelType, Query<RelParams, { written: number }>>;
const mergeDataset = defineQuery<{ props: Record<string, unknown> }>("dataset/merge-dataset", "WRITE").rows({
  id: z.string(),
});
const checksumQuery = defineQuery<{ id: string }>("dataset/checksum", "READ").rows({
  checksum: z.string().nullable(),
  loaderVersion: int().nullable(),
});

/** Rows per UNWIND batch: large enough to load at the database's pace, small enough to bound each query's memory. */
const BATCH = 2_000;

export interface LoadProgress {
  /** The streaming loader's phase ("checking", "staging nodes", "publishing"…); absent for a one-transaction load. */
  phase?: string;
  /** What is being written, e.g. "Actor" or "PARTICIPATED_IN". */
  step: string;
  /** Rows written so far in this step, and in all. */
  done: number;
  total: number;
  elapsedMs: number;
}

export interface LoadOptions {
  /** Called after every batch (inside the transaction); see `progressPrinter` for people. */
  progress?: (progress: LoadProgress) => void;
  /** Transaction timeout; a large dataset needs more than the app's query timeout. Default 10 minutes. */
  timeoutMs?: number;
  /**
   * "transaction": validate whole, write in one transaction; "streaming": bounded memory, staged,
   * published at once; "auto" (default): streaming when the list files exceed `streamAboveBytes`.
   */
  mode?: "auto" | "transaction" | "streaming";
  /** Default 32 MB of actors/forums/events/claims YAML (the seed is ~0.1 MB, medium ~200 MB). */
  streamAboveBytes?: number;
  /** Streaming: after how long without a heartbeat a load lock is taken over (default 2 minutes). */
  lockStaleMs?: number;
}

/** Above this many bytes of list files, `auto` loads by streaming. */
const STREAM_ABOVE_BYTES = 32 * 1024 * 1024;

/** Bytes of the dataset's list files (missing ones count 0). */
async function listBytes(folder: string): Promise<number> {
  let total = 0;
  for (const { file } of LIST_FILES)
    total += await stat(path.join(folder, file)).then(
      (s) => s.size,
      () => 0,
    );
  return total;
}

/**
 * Whether the dataset builds on others (manifest `requires`, or an evidence.yaml): such a dataset
 * is one article's worth, adds to other datasets' nodes, and loads in one transaction only (the
 * streaming and bulk paths replace a dataset's nodes wholesale).
 */
export async function buildsOnOthers(folder: string): Promise<boolean> {
  if (
    await stat(path.join(folder, "evidence.yaml")).then(
      () => true,
      () => false,
    )
  )
    return true;
  try {
    const manifest = parseYaml(await readFile(path.join(folder, "manifest.yaml"), "utf8")) as unknown;
    const requires = (manifest as { requires?: unknown } | null)?.requires;
    return Array.isArray(requires) && requires.length > 0;
  } catch {
    return false; // unreadable or invalid: the validator reports it
  }
}

/** Whether `loadDataset` will stream this folder (never a dataset that builds on others, in `auto`). */
export async function willStream(folder: string, options: LoadOptions = {}): Promise<boolean> {
  if (options.mode === "streaming") return true;
  if (options.mode === "transaction") return false;
  if (await buildsOnOthers(folder)) return false;
  return (await listBytes(folder)) > (options.streamAboveBytes ?? STREAM_ABOVE_BYTES);
}

export interface LoadResult {
  datasetId: string;
  checksum: string;
  /** What the dataset holds, by label and by relationship type. */
  nodes: Record<NodeLabel, number>;
  relationships: Record<RelType, number>;
  /** What an earlier load of this dataset had written and this one no longer holds. */
  removed: { nodes: number; relationships: number };
  ms: number;
}

/** Neo4j values for the loader's plain properties: ISO dates → Date, offsets → Integer. */
export function toNeo4jProps(props: Props): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(props).map(([key, value]) => {
      if (DATE_KEYS.has(key) && typeof value === "string") {
        const [year, month, day] = value.split("-").map(Number) as [number, number, number];
        return [key, new neo4j.types.Date(year, month, day)];
      }
      if (INTEGER_KEYS.has(key) && typeof value === "number") return [key, neo4j.int(value)];
      return [key, value];
    }),
  );
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/**
 * Writes resolved rows in one transaction. A failure anywhere (a constraint, the connection, the
 * process dying) rolls the whole dataset back: the database stays as it was.
 */
export async function writeRows(runner: QueryRunner, graph: GraphRows, options: LoadOptions = {}): Promise<LoadResult> {
  const started = Date.now();
  const dataset = graph.dataset.id;
  const total =
    NODE_LABELS.reduce((n, label) => n + graph.nodes[label].length, 0) +
    REL_TYPES.reduce((n, type) => n + graph.relationships[type].length, 0);
  const removed = await runner.transaction(
    "WRITE",
    `dataset/load ${dataset}`,
    async (tx) => {
      // A memory error is not worth a retry of the whole load: it becomes a DatasetLoadError.
      const run: typeof tx = (query, params) =>
        tx(query, params).catch((error: unknown) => {
          throw loadFailure(error, `dataset/load ${dataset}`);
        });
      let done = 0;
      const report = (step: string) => options.progress?.({ step, done, total, elapsedMs: Date.now() - started });
      // Built on other datasets: their nodes must be there, and are never redefined. Nothing is written yet.
      if (graph.check) {
        const problems = await graphProblems(run, dataset, graph.check);
        if (problems.length > 0) throw new DatasetInvalidError(dataset, problems);
      }
      // What the dataset held, found through its footprint (a scan only for one loaded without);
      // the derived data is updated for what it touched before and after the writes, or rebuilt
      // whole when it was not current or the former footprint is unknown (docs/loading.md).
      const former = await formerFootprint(run, dataset);
      const incremental = former.kind !== "unrecorded" && (await projectionCurrent(run));
      const touchedBefore = incremental ? await touchedBy(run, footprintOf(former)) : null;
      await retractDataset(run, dataset, former);
      for (const label of NODE_LABELS) {
        for (const batch of chunks(graph.nodes[label])) {
          const rows = batch.map((row) => ({ id: row.id, props: toNeo4jProps(row.props) }));
          const [result] = await run(mergeNodes[label], { rows, dataset });
          if (result?.written !== rows.length) throw new Error(`dataset/load: ${label} rows were not all written`);
          done += rows.length;
          report(label);
        }
      }
      for (const type of REL_TYPES) {
        for (const batch of chunks(graph.relationships[type])) {
          const rows = batch.map((row) => ({ from: row.from, to: row.to, props: toNeo4jProps(row.props) }));
          const [result] = await run(mergeRels[type], { rows, dataset });
          if (result?.written !== rows.length) {
            throw new Error(`dataset/load: ${type} rows were not all written (an endpoint is missing)`);
          }
          done += rows.length;
          report(type);
        }
      }
      const pruned = await pruneDataset(run, former);
      await run(mergeDataset, { props: toNeo4jProps(graph.dataset.props) });
      const written = writtenBy(graph);
      await recordFootprint(run, dataset, written);
      // Who met whom and the dates summary, derived in the same transaction: they commit with the data.
      const progress = { progress: () => report("MET") };
      if (touchedBefore) await updateProjections(run, touchedBefore, footprintOf(written), progress);
      else await refreshProjections(run, progress);
      return pruned;
    },
    { timeoutMs: options.timeoutMs ?? 600_000 },
  );
  return {
    datasetId: dataset,
    checksum: String(graph.dataset.props.checksum),
    nodes: Object.fromEntries(NODE_LABELS.map((label) => [label, graph.nodes[label].length])) as Record<
      NodeLabel,
      number
    >,
    relationships: Object.fromEntries(REL_TYPES.map((type) => [type, graph.relationships[type].length])) as Record<
      RelType,
      number
    >,
    removed,
    ms: Date.now() - started,
  };
}

/**
 * Validates the dataset in `folder` and, only if it has no problem at all, writes it in one
 * transaction. Throws DatasetInvalidError (code DATASET_INVALID, every problem in `problems`)
 * without writing anything when the dataset is invalid.
 * @example const result = await loadDataset(runner, "data/seed", { progress: progressPrinter(console.log) })
 */
export async function loadDataset(runner: QueryRunner, folder: string, options: LoadOptions = {}): Promise<LoadResult> {
  if (await willStream(folder, options)) {
    if (await buildsOnOthers(folder))
      throw new DatasetLoadError(
        `${folder}: the dataset builds on others (manifest requires, or evidence.yaml), which only the one-transaction path loads; load it with mode "transaction" or "auto".`,
      );
    const result = await streamLoad(runner, folder, {
      toNeo4jProps,
      ...(options.progress ? { progress: options.progress } : {}),
      ...(options.lockStaleMs !== undefined ? { lockStaleMs: options.lockStaleMs } : {}),
    });
    // Published: now derive who met whom from the graph readers see (the transaction path does this
    // inside its own transaction). Until it finishes, the overview shows the previous MET.
    await refreshProjections(autoCommit(runner));
    return result;
  }
  const dataset = await readDataset(folder);
  return writeRows(runner, resolveDataset(dataset), options);
}

/**
 * The checksum of the dataset with this id as the database holds it, or null when it was never
 * loaded or was loaded by a loader that derived other properties (LOADER_VERSION).
 */
export async function loadedChecksum(runner: QueryRunner, datasetId: string): Promise<string | null> {
  const [row] = (await runner.run(checksumQuery, { id: datasetId })).rows;
  if ((row?.loaderVersion ?? 0) !== LOADER_VERSION) return null;
  return row?.checksum ?? null;
}

/**
 * A progress callback for people: silent for the first `afterMs`, then one line per step at most
 * every second.
 * @example loadDataset(runner, folder, { progress: progressPrinter((line) => console.log(line)) })
 */
export function progressPrinter(say: (line: string) => void, afterMs = 3_000): (progress: LoadProgress) => void {
  let lastPrinted = 0;
  let phaseStarted = { phase: "", at: 0 };
  return ({ phase, step, done, total, elapsedMs }) => {
    if (phase !== undefined && phase !== phaseStarted.phase) phaseStarted = { phase, at: elapsedMs };
    if (elapsedMs < afterMs || elapsedMs - lastPrinted < 1_000) return;
    lastPrinted = elapsedMs;
    const seconds = (elapsedMs - phaseStarted.at) / 1000;
    const rate = seconds > 0 && done > 0 ? `, ${Math.round(done / seconds).toLocaleString("en")} rows/s` : "";
    const of = total > 0 ? `/${total}` : "";
    say(`  ${phase ?? "writing"} ${step}: ${done}${of} rows${rate} (${Math.round(elapsedMs / 1000)} s)`);
  };
}

/**
 * The counts of a load, for people.
 * @example formatCounts(result) // "Loaded dataset:x in 0.8 s: 29 Actor, 7 Forum, … ; 120 EVIDENCED_BY, …"
 */
export function formatCounts(result: LoadResult): string {
  const list = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${n} ${name}`)
      .join(", ");
  const removed =
    result.removed.nodes + result.removed.relationships > 0
      ? `\n  removed what the dataset no longer holds: ${result.removed.nodes} nodes, ${result.removed.relationships} relationships`
      : "";
  return `Loaded ${result.datasetId} in ${(result.ms / 1000).toFixed(1)} s\n  nodes: ${list(result.nodes)}\n  relationships: ${list(result.relationships)}${removed}`;
}
