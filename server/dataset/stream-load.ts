/**
 * The streaming loader, for datasets too big for one transaction: reads, checks and writes in
 * batches (bounded memory), stages everything under the Staging label that no reader query
 * matches, then publishes in one small transaction of label changes. A load that fails or is
 * killed never shows readers a half-loaded dataset; docs/loading.md says why and what it costs.
 */
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import neo4j, { Neo4jError } from "neo4j-driver";
import { z } from "zod";
import { LiaisonError } from "../lib/errors.js";
import { int } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import type { NodeLabel, RelRow, RelType } from "./graph-model.js";
import type { LoadResult } from "./load.js";
import { datasetRow, type RecordRows, recordResolver, resolveRecord } from "./resolve.js";
import { LIST_FILES, StreamedDataset } from "./stream-read.js";
import { DatasetInvalidError, type Problem } from "./validate.js";

type NodeParams = { rows: { id: string; props: Record<string, unknown> }[]; label: string; dataset: string };
type RelParams = {
  rows: { from: string; to: string; props: Record<string, unknown> }[];
  type: string;
  dataset: string;
};
/** Stages a batch of nodes (also the per-row baseline of `npm run bench`). */
export const stageNodes = defineQuery<NodeParams>("dataset/stage-nodes", "WRITE").rows({
  id: z.string(),
  element: z.string(),
});
/** Stages a batch of relationships between staged nodes. */
export const stageRels = defineQuery<RelParams>("dataset/stage-relationships", "WRITE").rows({ written: int() });
const clearStaging = defineQuery<{ dataset: string; limit: ReturnType<typeof neo4j.int> }>(
  "dataset/clear-staging",
  "WRITE",
).rows({ deleted: int() });
type LockParams = { id: string; token: string };
const takeLock = defineQuery<LockParams & { dataset: string; staleMs: ReturnType<typeof neo4j.int> }>(
  "dataset/take-load-lock",
  "WRITE",
).rows({ taken: z.boolean() });
const heartbeat = defineQuery<LockParams>("dataset/heartbeat-load-lock", "WRITE").rows({ held: int() });
const releaseLock = defineQuery<LockParams>("dataset/release-load-lock", "WRITE").rows({ released: int() });
const sharedNodes = defineQuery<{ dataset: string }>("dataset/shared-nodes", "READ").rows({ shared: int() });
const retire = defineQuery<{ dataset: string }>("dataset/retire", "WRITE").rows({ retired: int() });
const publishStaged = defineQuery<{ dataset: string }>("dataset/publish-staged", "WRITE").rows({ published: int() });
const memoryLimits = defineQuery<Record<string, never>>("dataset/transaction-memory-limits", "READ").rows({
  name: z.string(),
  value: z.string(),
});
const mergeDataset = defineQuery<{ props: Record<string, unknown> }>("dataset/merge-dataset", "WRITE").rows({
  id: z.string(),
});

/** Rows per write transaction: big enough to amortise a round trip, small enough for any transaction memory limit. */
const BATCH = 5_000;
/** Nodes deleted per transaction when clearing staged or retired data. */
const CLEAR_BATCH = 10_000;
/**
 * Transaction memory the publishing transaction needs per node (label changes), measured on Neo4j
 * 5.26: 300,000 nodes took ~655 MB (docs/loading.md). Rounded up.
 */
const PUBLISH_BYTES_PER_NODE = 2_400;

/** "768.00MiB", "2g", "805306368" → bytes; undefined when unreadable. */
export function settingBytes(value: string): number | undefined {
  const match = /^\s*([\d.]+)\s*([kmgt]?)(i?b)?\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = (match[2] ?? "").toLowerCase();
  return Number(match[1]) * 1024 ** ["", "k", "m", "g", "t"].indexOf(unit);
}

/** The smallest non-zero transaction memory limit, or undefined when none (or they cannot be read). */
async function transactionMemoryLimit(runner: QueryRunner): Promise<number | undefined> {
  try {
    const { rows } = await runner.run(memoryLimits, {});
    const limits = rows
      .map((row) => settingBytes(row.value))
      .filter((bytes): bytes is number => bytes !== undefined && bytes > 0);
    return limits.length > 0 ? Math.min(...limits) : undefined;
  } catch {
    return undefined; // a user without the privilege to see settings: publishing will tell
  }
}

/** A load lock without a heartbeat for this long belongs to a killed load and may be taken over. */
const LOCK_STALE_MS = 120_000;
const HEARTBEAT_MS = 10_000;

/** The load failed after checking (Neo4j refused a write, or ran out of transaction memory); the graph is as it was. */
export class DatasetLoadError extends LiaisonError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(500, "DATASET_LOAD_FAILED", message, options);
  }
}

/** A memory error must not be retried (the driver calls it transient): it becomes a DatasetLoadError. */
export function loadFailure(error: unknown, where: string): unknown {
  if (error instanceof Neo4jError && /Memory/i.test(error.code ?? "")) {
    return new DatasetLoadError(
      `${where}: Neo4j ran out of transaction memory (${error.code}); nothing was published. Raise the transaction memory limit (db.memory.transaction.total.max) or load fewer rows at once.`,
      { cause: error },
    );
  }
  return error;
}

interface StreamProgress {
  phase: "checking" | "staging nodes" | "staging relationships" | "publishing" | "clearing";
  step: string;
  done: number;
  total: number;
  elapsedMs: number;
}

/** What a streamed load wrote: the same account as the one-transaction load's. */
export type StreamResult = LoadResult;

export interface StreamOptions {
  progress?: (progress: StreamProgress) => void;
  /** See LOCK_STALE_MS. */
  lockStaleMs?: number;
  toNeo4jProps: (props: RecordRows["nodes"][number]["row"]["props"]) => Record<string, unknown>;
}

/** Deletes Staging and Retired nodes in batches; returns how many. */
export async function clearStaged(
  runner: QueryRunner,
  dataset: string,
  onBatch: (deleted: number) => void = () => {},
): Promise<number> {
  let total = 0;
  for (;;) {
    const { rows } = await runner.run(clearStaging, { dataset, limit: neo4j.int(CLEAR_BATCH) }, { timeoutMs: 600_000 });
    const deleted = rows[0]?.deleted ?? 0;
    total += deleted;
    onBatch(total);
    if (deleted === 0) return total;
  }
}

const sortProblems = (problems: Problem[]) => {
  const order = ["manifest.yaml", ...LIST_FILES.map((f) => f.file)];
  return problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
};

/**
 * Checks and loads the dataset in `folder` in bounded memory; readers see the previous graph until
 * the one publishing commit. Throws DatasetInvalidError (nothing published) or DatasetLoadError.
 * @example await streamLoad(runner, "/tmp/medium", { toNeo4jProps })
 */
export async function streamLoad(runner: QueryRunner, folder: string, options: StreamOptions): Promise<StreamResult> {
  const started = Date.now();
  const say = (phase: StreamProgress["phase"], step: string, done: number, total = 0) =>
    options.progress?.({ phase, step, done, total, elapsedMs: Date.now() - started });
  const data = new StreamedDataset(folder);
  say("checking", "schema and ids", 0);
  await data.scan();
  const manifest = data.manifest;
  const datasetId = manifest ? `dataset:${manifest.id}` : "";
  let write = data.problems.length === 0 && manifest !== undefined;
  const lock = { id: `lock:${datasetId}`, token: randomUUID() };
  let locked = false;
  let lastBeat = Date.now();
  /** Keeps the lock; a load that lost it (it stalled past the stale time) must stop. */
  const beat = async () => {
    if (Date.now() - lastBeat < HEARTBEAT_MS) return;
    lastBeat = Date.now();
    const { rows } = await runner.run(heartbeat, lock);
    if ((rows[0]?.held ?? 0) === 0)
      throw new DatasetLoadError(`${folder}: the load lock of ${datasetId} was taken over; this load stopped.`);
  };
  if (write) {
    const { rows } = await runner.run(sharedNodes, { dataset: datasetId });
    const shared = rows[0]?.shared ?? 0;
    if (shared > 0) {
      throw new DatasetLoadError(
        `${folder}: ${shared} node(s) of ${datasetId} are held by another dataset too; the streaming loader replaces a dataset wholesale and cannot load over shared nodes. Nothing was changed.`,
      );
    }
    const taken = await runner.run(takeLock, {
      ...lock,
      dataset: datasetId,
      staleMs: neo4j.int(options.lockStaleMs ?? LOCK_STALE_MS),
    });
    if (taken.rows[0]?.taken !== true) {
      throw new DatasetLoadError(
        `${folder}: another load of ${datasetId} is running (or was killed less than ${Math.round((options.lockStaleMs ?? LOCK_STALE_MS) / 1000)} s ago); nothing was changed. Try again when it has finished.`,
      );
    }
    locked = true;
    await clearStaged(runner, datasetId, (n) => say("clearing", "leftovers of an earlier load", n));
  }

  const nodes = { Source: 0, Passage: 0, Actor: 0, Forum: 0, Event: 0, Claim: 0 } as Record<NodeLabel, number>;
  const relationships = {} as Record<RelType, number>;
  const spoolDir = await mkdtemp(path.join(os.tmpdir(), "liaison-load-"));
  const spoolFile = path.join(spoolDir, "relationships.jsonl");
  const spool = createWriteStream(spoolFile);
  let pending: Promise<unknown> = Promise.resolve();
  let staged = 0;
  try {
    // Pass 2: check each record against the whole dataset, stage its nodes, spool its relationships.
    const batches = new Map<NodeLabel, NodeParams["rows"]>();
    /**
     * Dataset id → elementId of its staged node, so relationships are joined without an index
     * lookup. Kept compact (~0.8 M entries on medium): elementIds share a prefix ("4:<database>:")
     * and end in a number, so only the number is kept when they do.
     */
    const elements = new Map<string, number | string>();
    let elementPrefix: string | undefined;
    const keepElement = (id: string, element: string) => {
      const cut = element.lastIndexOf(":") + 1;
      elementPrefix ??= element.slice(0, cut);
      const tail = element.slice(cut);
      elements.set(
        id,
        element.startsWith(elementPrefix) && cut === elementPrefix.length && /^\d+$/.test(tail)
          ? Number(tail)
          : element,
      );
    };
    const elementOf = (id: string) => {
      const element = elements.get(id);
      return typeof element === "number" ? `${elementPrefix}${element}` : (element ?? id);
    };
    const flushNodes = async (label: NodeLabel) => {
      const rows = batches.get(label) ?? [];
      if (rows.length === 0) return;
      batches.set(label, []);
      await pending; // at most one write in flight while the next batch is read
      await beat();
      pending = runner.run(stageNodes, { rows, label, dataset: datasetId }, { timeoutMs: 600_000 }).then((result) => {
        for (const row of result.rows) keepElement(row.id, row.element);
        staged += rows.length;
        say("staging nodes", label, staged);
      });
    };
    const add = async (rows: RecordRows) => {
      if (!write || data.problems.length > 0) {
        write = false;
        return;
      }
      for (const { label, row } of rows.nodes) {
        nodes[label]++;
        const list = batches.get(label) ?? [];
        list.push({ id: row.id, props: options.toNeo4jProps(row.props) });
        batches.set(label, list);
        if (list.length >= BATCH) await flushNodes(label);
      }
      for (const { type, row } of rows.relationships) {
        relationships[type] = (relationships[type] ?? 0) + 1;
        if (!spool.write(`${JSON.stringify([type, row.from, row.to, row.props])}\n`)) await once(spool, "drain");
      }
    };
    const resolver = recordResolver({ sourceText: (id) => data.sourceText(id), actorName: (id) => data.actorName(id) });
    say("checking", "references and evidence", 0);
    let checked = 0;
    for await (const record of data.records()) {
      if (++checked % 10_000 === 0 && !write) say("checking", "references and evidence", checked);
      if (!write) continue;
      await add(resolveRecord(resolver, record));
    }
    if (write) for (const label of batches.keys()) await flushNodes(label);
    await pending;
    spool.end();
    await once(spool, "close");
    if (data.problems.length > 0 || !manifest) {
      if (staged > 0)
        await clearStaged(runner, datasetId, (n) => say("clearing", "staged nodes of this failed load", n));
      throw new DatasetInvalidError(folder, sortProblems(data.problems));
    }

    // Before the longest step: will the publishing transaction fit in the database's limit?
    const totalNodes = Object.values(nodes).reduce((n, count) => n + count, 0);
    const limit = await transactionMemoryLimit(runner);
    if (limit !== undefined && totalNodes * PUBLISH_BYTES_PER_NODE > limit) {
      await clearStaged(runner, datasetId, (n) => say("clearing", "staged nodes of this load", n));
      const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MB`;
      throw new DatasetLoadError(
        `${folder}: publishing ${totalNodes} nodes at once needs about ${mb(totalNodes * PUBLISH_BYTES_PER_NODE)} of transaction memory, and Neo4j allows ${mb(limit)}; nothing was changed. Raise LIAISON_NEO4J_TX_MEMORY (with LIAISON_NEO4J_HEAP at least twice that) for the bundled Neo4j, or db.memory.transaction.total.max for your own.`,
      );
    }

    // Pass 3: the relationships, by batch of one type, between staged nodes.
    const totalRels = Object.values(relationships).reduce((n, count) => n + count, 0);
    const relBatches = new Map<string, RelRow[]>();
    let relsDone = 0;
    const flushRels = async (type: string) => {
      const rows = relBatches.get(type) ?? [];
      if (rows.length === 0) return;
      relBatches.set(type, []);
      await pending;
      await beat();
      pending = runner
        .run(
          stageRels,
          { rows: rows.map((row) => ({ ...row, props: options.toNeo4jProps(row.props) })), type, dataset: datasetId },
          { timeoutMs: 600_000 },
        )
        .then(({ rows: [result] }) => {
          if (result?.written !== rows.length)
            throw new DatasetLoadError(`${folder}: ${type} rows were not all written (an endpoint is missing)`);
          relsDone += rows.length;
          say("staging relationships", type, relsDone, totalRels);
        });
    };
    const lines = createInterface({ input: createReadStream(spoolFile, { encoding: "utf8" }), crlfDelay: Infinity });
    for await (const line of lines) {
      const [type, from, to, props] = JSON.parse(line) as [string, string, string, RelRow["props"]];
      const list = relBatches.get(type) ?? [];
      list.push({ from: elementOf(from), to: elementOf(to), props });
      relBatches.set(type, list);
      if (list.length >= BATCH) await flushRels(type);
    }
    for (const type of relBatches.keys()) await flushRels(type);
    await pending;

    // Publish: one transaction of label changes; readers see the old version or the new, never a mix.
    lastBeat = 0;
    await beat();
    say("publishing", "one transaction", 0);
    const retired = await runner.transaction(
      "WRITE",
      `dataset/publish ${datasetId}`,
      async (run) => {
        try {
          const [old] = await run(retire, { dataset: datasetId });
          await run(publishStaged, { dataset: datasetId });
          await run(mergeDataset, { props: options.toNeo4jProps(datasetRow(manifest, data.checksum).props) });
          return old?.retired ?? 0;
        } catch (error) {
          throw loadFailure(error, `dataset/publish ${datasetId}`);
        }
      },
      { timeoutMs: 600_000 },
    );
    // The dataset is now visible; load.ts derives MET from it once this returns.
    if (retired > 0) await clearStaged(runner, datasetId, (n) => say("clearing", "the replaced version", n));
    return {
      datasetId,
      checksum: data.checksum,
      nodes,
      relationships,
      removed: { nodes: retired, relationships: 0 },
      ms: Date.now() - started,
    };
  } catch (error) {
    await pending.catch(() => {});
    // Best effort: what was staged is invisible anyway, and the next load clears it if this cannot.
    if (staged > 0 && locked && !(error instanceof DatasetInvalidError))
      await clearStaged(runner, datasetId).catch(() => {});
    throw loadFailure(error, `dataset/load ${datasetId}`);
  } finally {
    if (locked) await runner.run(releaseLock, lock).catch(() => {});
    spool.destroy();
    await rm(spoolDir, { recursive: true, force: true });
  }
}

/**
 * Checks a dataset in bounded memory without touching a database (`npm run load -- --check`).
 * @example const { problems, records } = await streamCheck("/tmp/medium")
 */
export async function streamCheck(folder: string): Promise<{ problems: Problem[]; records: number }> {
  const data = new StreamedDataset(folder);
  await data.scan();
  let records = 0;
  for await (const _ of data.records()) records++;
  return { problems: sortProblems(data.problems), records };
}
