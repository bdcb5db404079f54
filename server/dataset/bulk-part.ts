/**
 * The bulk load's CSV step on both cores: pass 2 of some list files (claims.yaml) runs in a worker
 * thread, with its own resolver, CSV tables and who-met-whom lines, while the main thread reads
 * the rest. Pass 1 ran before, in the main thread; what it learnt (ids, actors, sources) is
 * handed over as plain data. The main thread then adopts the worker's tables and lines: a
 * passage both sides created (an event and a claim quoting the same words) is kept once, the
 * main thread's, as the one-thread load kept the first.
 */
import { Worker } from "node:worker_threads";
import { dropRows, ImportCsv, type TableFiles } from "./bulk-csv.js";
import { ACTOR_COLUMNS, MET_COLUMNS, MetAggregator } from "./bulk-met.js";
import type { NodeLabel, RelType } from "./graph-model.js";
import { type RecordRows, recordResolver, resolveRecord } from "./resolve.js";
import { DatasetLoadError } from "./stream-load.js";
import { fileOf, type ListFile, type ScanState, StreamedDataset } from "./stream-read.js";
import type { Problem } from "./validate.js";

/** The columns the bulk load declares rather than learns (Actor's and MET's derived properties). */
export const DECLARED_COLUMNS = { Actor: ACTOR_COLUMNS, MET: MET_COLUMNS };

/** Rows written per label and per relationship type. */
export type RowCounts = {
  nodes: Record<NodeLabel, number>;
  relationships: Partial<Record<RelType, number>>;
};

export const emptyCounts = (): RowCounts => ({
  nodes: { Source: 0, Passage: 0, Actor: 0, Forum: 0, Event: 0, Claim: 0 },
  relationships: {},
});

/**
 * Writes one record's rows: its nodes and relationships to the CSV tables (Actor rows to the
 * aggregator, which writes them last with their meetings), and what who-met-whom needs to `met`.
 */
export async function writeRecordRows(
  records: RecordRows,
  out: { csv: ImportCsv; met: MetAggregator; counts: RowCounts; datasets: string[] },
  where: string,
): Promise<void> {
  const { csv, met, counts, datasets } = out;
  for (const { label, row } of records.nodes) {
    counts.nodes[label]++;
    const written = { id: row.id, props: { ...row.props, datasets } };
    if (label === "Actor") await met.actor(written);
    else await csv.node(label, written, where);
  }
  await met.record(records);
  for (const { type, row } of records.relationships) {
    counts.relationships[type] = (counts.relationships[type] ?? 0) + 1;
    await csv.relationship(type, { from: row.from, to: row.to, props: { ...row.props, datasets } }, where);
  }
}

/** What a part is given: the dataset, where to write, which list files, and pass 1's findings. */
export interface PartInput {
  folder: string;
  /** A folder of its own: its CSV tables and bucket files. */
  dir: string;
  /** List files without actors (the main thread's aggregator holds the Actor rows). */
  lists: ListFile[];
  datasetId: string;
  state: ScanState;
}

/** What a part wrote: its counts, the problems it found (nothing is written past the first), its tables. */
export interface PartResult extends RowCounts {
  problems: Problem[];
  tables: TableFiles[];
}

/**
 * Pass 2 of `input.lists`, written as CSV tables and bucket lines in `input.dir` (closed when it
 * returns); `progress` is told the records written so far, every 10,000.
 */
export async function writePart(
  input: PartInput,
  progress: (records: number) => void = () => {},
  signal?: AbortSignal,
): Promise<PartResult> {
  if (input.lists.includes("actors.yaml")) throw new Error("writePart: actors.yaml belongs to the main thread");
  const data = new StreamedDataset(input.folder, input.state);
  const csv = new ImportCsv(input.dir, DECLARED_COLUMNS);
  const met = new MetAggregator(input.dir);
  met.knowPersons(data.persons);
  const counts = emptyCounts();
  const out = { csv, met, counts, datasets: [input.datasetId] };
  const resolver = recordResolver({ sourceText: (id) => data.sourceText(id), actorName: (id) => data.actorName(id) });
  let records = 0;
  try {
    for await (const record of data.records(input.lists, false)) {
      signal?.throwIfAborted();
      if (data.problems.length > 0) continue; // keep checking, stop writing
      await writeRecordRows(resolveRecord(resolver, record), out, fileOf(record));
      if (++records % 10_000 === 0) progress(records);
    }
  } finally {
    await met.close();
    await csv.close();
  }
  return { ...counts, problems: data.problems, tables: csv.tables() };
}

/**
 * Takes a finished part's output into the main thread's: its tables, bucket files and counts. A
 * passage both threads created is the main thread's (`written`): the part's copy and its
 * IN_SOURCE row are dropped from its files first.
 */
export async function adoptPart(
  part: PartResult,
  dir: string,
  into: { csv: ImportCsv; met: MetAggregator; counts: RowCounts },
  written: ReadonlySet<string>,
): Promise<void> {
  for (const table of part.tables) {
    const passages = table.kind === "node" && table.name === "Passage";
    if (!passages && !(table.kind === "relationship" && table.name === "IN_SOURCE")) continue;
    const dropped = await dropRows(table, (id) => written.has(id));
    if (passages) part.nodes.Passage -= dropped;
    else part.relationships.IN_SOURCE = (part.relationships.IN_SOURCE ?? 0) - dropped;
  }
  const { counts } = into;
  for (const [label, n] of Object.entries(part.nodes)) counts.nodes[label as NodeLabel] += n;
  for (const [type, n] of Object.entries(part.relationships))
    counts.relationships[type as RelType] = (counts.relationships[type as RelType] ?? 0) + n;
  into.csv.adopt(part.tables);
  into.met.adoptBuckets(dir);
}

/** A part running beside the main thread. */
export interface PartRun {
  result: Promise<PartResult>;
  /** Stops it if it still runs (the main thread failed). */
  stop(): Promise<void>;
}

/**
 * Runs writePart in a worker thread. From the TypeScript sources (the test runner), where no
 * worker module is built, it runs in this thread, interleaved with the caller's work: the same
 * rows, on one core.
 */
export function runPart(input: PartInput, progress: (records: number) => void): PartRun {
  if (!import.meta.url.endsWith(".js")) {
    const abort = new AbortController();
    const result = writePart(input, progress, abort.signal);
    result.catch(() => {}); // awaited by the caller; a rejection before that is not unhandled
    return {
      result,
      stop: async () => {
        abort.abort();
        await result.catch(() => {});
      },
    };
  }
  const worker = new Worker(new URL("./bulk-part-worker.js", import.meta.url), { workerData: input });
  const result = new Promise<PartResult>((resolve, reject) => {
    worker.on("message", (message: { progress?: number; result?: PartResult; error?: string }) => {
      if (message.progress !== undefined) progress(message.progress);
      else if (message.result) resolve(message.result);
      else if (message.error !== undefined) reject(new DatasetLoadError(message.error));
    });
    worker.once("error", (error) =>
      reject(new DatasetLoadError(`the CSV writer of ${input.lists.join(", ")} failed: ${error.message}`)),
    );
    worker.once("exit", (code) =>
      reject(new DatasetLoadError(`the CSV writer of ${input.lists.join(", ")} stopped (exit code ${code})`)),
    );
  });
  result.catch(() => {}); // awaited by the caller; a rejection before that is not unhandled
  return { result, stop: () => worker.terminate().then(() => {}) };
}
