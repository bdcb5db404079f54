/**
 * The first load of a large dataset into an empty bundled Neo4j, through Neo4j's offline bulk
 * importer: read and checked by the streaming passes, written as CSV with who met whom derived on
 * the way (with the actors' ranks and the pool), imported into a Neo4j home of its own, finished
 * there (schema, the Dataset node, first rings, dates) and swapped in by the launcher at the next
 * start. docs/loading.md says why and what a kill at each step leaves.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { PoolRules } from "../domain/met-projection.js";
import { autoCommit, refreshProjections } from "../domain/projections.js";
import { ensureLauncherBuilt, freePort, launcherClasspath, startBundledNeo4j } from "../neo4j/bundled.js";
import { int } from "../neo4j/columns.js";
import { createDriver } from "../neo4j/connect.js";
import { defineQuery, QueryRunner } from "../neo4j/query-runner.js";
import { applySchemaTimed } from "../neo4j/schema.js";
import { CARRIAGE_RETURN, ImportCsv, LINE_FEED } from "./bulk-csv.js";
import { MetAggregator } from "./bulk-met.js";
import { adoptPart, DECLARED_COLUMNS, emptyCounts, runPart, writeRecordRows } from "./bulk-part.js";
import type { RelType } from "./graph-model.js";
import { type LoadProgress, type LoadResult, toNeo4jProps } from "./load.js";
import { datasetRow, recordResolver, resolveRecord } from "./resolve.js";
import { DatasetLoadError } from "./stream-load.js";
import { fileOf, LIST_FILES, type ListFile, StreamedDataset } from "./stream-read.js";
import { DatasetInvalidError } from "./validate.js";

const target = defineQuery<Record<string, never>>("dataset/bulk-target", "READ").rows({
  nodes: int(),
  datasets: int(),
});
const emptyListNodes = defineQuery<{ label: string; key: string; marker: string | number }>(
  "dataset/bulk-empty-list-nodes",
  "WRITE",
).rows({ fixed: int() });
const emptyListRels = defineQuery<{ type: string; key: string; marker: string | number }>(
  "dataset/bulk-empty-list-relationships",
  "WRITE",
).rows({ fixed: int() });
type LineBreakParams = { key: string; lf: string; cr: string };
const lineBreakNodes = defineQuery<LineBreakParams & { label: string }>("dataset/bulk-line-breaks-nodes", "WRITE").rows(
  {
    fixed: int(),
  },
);
const lineBreakRels = defineQuery<LineBreakParams & { type: string }>(
  "dataset/bulk-line-breaks-relationships",
  "WRITE",
).rows({ fixed: int() });
const mergeDataset = defineQuery<{ props: Record<string, unknown> }>("dataset/merge-dataset", "WRITE").rows({
  id: z.string(),
});

/** What the database holds that the bulk importer would replace: model nodes and Dataset nodes (count store). */
export async function bulkTarget(runner: QueryRunner): Promise<{ nodes: number; datasets: number; empty: boolean }> {
  const { rows } = await runner.run(target, {});
  const nodes = rows[0]?.nodes ?? 0;
  const datasets = rows[0]?.datasets ?? 0;
  return { nodes, datasets, empty: nodes === 0 && datasets === 0 };
}

/** The Neo4j home a bulk load builds its database in: `.data/neo4j` → `.data/neo4j-import` (as Neo4jImport.java). */
export const importHomeOf = (home: string) => `${path.resolve(home)}-import`;

export interface BulkOptions {
  /** The served bundled Neo4j's home (`<LIAISON_DATA_DIR>/neo4j`); its database is replaced at its next start. */
  home: string;
  /** Java heap of the importer and of the Neo4j that finishes the import. */
  heap: string;
  /** Page cache of that Neo4j, and the importer's off-heap memory. */
  pageCache: string;
  txMemory: string;
  progress?: (progress: LoadProgress) => void;
  /** Lines for people: the importer's stages. */
  say?: (line: string) => void;
  /** The pool's thresholds (POOL_RULES; a test uses small ones to compare with the Cypher's). */
  pool?: PoolRules;
}

/** A bulk load's account: the counts of any load, and the time of each step. */
export type BulkResult = LoadResult & { steps: { step: string; ms: number }[] };

/**
 * Builds the database of `folder` in the import home, finished and marked complete; the served
 * Neo4j's launcher swaps it in at its next start (`Neo4jImport.settle`). The caller holds the
 * served home (its Neo4j running, so no one else starts it) and has checked it is empty
 * (`bulkTarget`). Throws DatasetInvalidError (nothing written) or DatasetLoadError.
 * @example const result = await bulkImport("/tmp/medium", { home: ".data/neo4j", heap: "1g", pageCache: "256m", txMemory: "512m" })
 */
export async function bulkImport(folder: string, options: BulkOptions): Promise<BulkResult> {
  const started = Date.now();
  const steps: BulkResult["steps"] = [];
  let stepStarted = started;
  const endStep = (step: string) => {
    steps.push({ step, ms: Date.now() - stepStarted });
    stepStarted = Date.now();
  };
  const say = (phase: string, step: string, done: number, total = 0) =>
    options.progress?.({ phase, step, done, total, elapsedMs: Date.now() - started });
  const importHome = importHomeOf(options.home);
  // A leftover of a load killed before it was complete: the served home's lock, which the caller
  // holds, is what lets this load delete it.
  await rm(importHome, { recursive: true, force: true });
  const csvDir = path.join(importHome, "csv");
  await mkdir(csvDir, { recursive: true });
  try {
    const written = await writeCsv(folder, csvDir, say, options.pool);
    endStep("read, check, write CSV");

    await ensureLauncherBuilt(options.say);
    const argumentsFile = path.join(csvDir, "importer-arguments.txt");
    const report = path.join(csvDir, "import.report");
    const args = [...written.csv.importerArgs(report), `--max-off-heap-memory=${options.pageCache}`];
    await writeFile(argumentsFile, `${args.join("\n")}\n`);
    say("importing", "neo4j-admin database import full", 0);
    await runImporter(importHome, argumentsFile, report, options);
    await rm(csvDir, { recursive: true, force: true });
    endStep("import");

    await finish(importHome, written, options, say, endStep);
    // The import home now holds the finished database: from here on, the next start swaps it in.
    await writeFile(path.join(importHome, "complete"), `${written.datasetId} ${written.checksum}\n`);
    return {
      datasetId: written.datasetId,
      checksum: written.checksum,
      nodes: written.nodes,
      relationships: written.relationships,
      removed: { nodes: 0, relationships: 0 },
      ms: Date.now() - started,
      steps,
    };
  } catch (error) {
    await removeImport(importHome, options.say).catch(() => {});
    throw error;
  }
}

/**
 * Deletes a failed import home, all but the logs of its Neo4j when it started one (errors name
 * them); the next start of the served Neo4j, or the next bulk load, deletes those.
 */
async function removeImport(importHome: string, say: BulkOptions["say"]): Promise<void> {
  const logs = path.join(importHome, "logs");
  if (!existsSync(logs)) {
    await rm(importHome, { recursive: true, force: true });
    return;
  }
  for (const entry of await readdir(importHome))
    if (entry !== "logs") await rm(path.join(importHome, entry), { recursive: true, force: true });
  say?.(`The Neo4j logs of the failed import are kept in ${logs} until the next start or load.`);
}

type Written = Awaited<ReturnType<typeof writeCsv>>;

/** The list files whose pass 2 runs in a worker thread (bulk-part.ts): the biggest that holds no actor. */
const BESIDE: ListFile[] = ["claims.yaml"];

/**
 * Pass 1 and 2 of the streaming loader, each record's rows written as CSV instead of staged, and
 * who met whom derived from them on the way (bulk-met.ts): Actor rows, which carry their
 * `meetings` and `metRank`, are written once every event has been read. Pass 2 of the claims runs
 * in a worker thread beside the rest (bulk-part.ts).
 */
async function writeCsv(
  folder: string,
  dir: string,
  say: (phase: string, step: string, done: number) => void,
  pool?: PoolRules,
) {
  const data = new StreamedDataset(folder);
  say("checking", "schema and ids", 0);
  await data.scan();
  const manifest = data.manifest;
  if (data.problems.length > 0 || !manifest) throw new DatasetInvalidError(folder, sortProblems(data.problems));
  const datasetId = `dataset:${manifest.id}`;
  const csv = new ImportCsv(dir, DECLARED_COLUMNS);
  const met = new MetAggregator(dir, pool);
  const counts = emptyCounts();
  const out = { csv, met, counts, datasets: [datasetId] };
  const besideDir = path.join(dir, "beside");
  await mkdir(besideDir);
  let records = 0;
  let besideRecords = 0;
  const beside = runPart({ folder, dir: besideDir, lists: BESIDE, datasetId, state: data.scanState() }, (done) => {
    besideRecords = done;
  });
  const resolver = recordResolver({ sourceText: (id) => data.sourceText(id), actorName: (id) => data.actorName(id) });
  say("checking", "references and evidence", 0);
  try {
    const lists = LIST_FILES.map((f) => f.file).filter((file) => !BESIDE.includes(file));
    for await (const record of data.records(lists)) {
      if (data.problems.length > 0) continue; // keep checking, stop writing
      const where = fileOf(record);
      await writeRecordRows(resolveRecord(resolver, record), out, where);
      if (++records % 10_000 === 0)
        say("writing CSV", `${where}, ${BESIDE.join(", ")} beside`, records + besideRecords);
    }
    say("writing CSV", `${BESIDE.join(", ")} (the rest is written)`, records + besideRecords);
    const part = await beside.result;
    data.problems.push(...part.problems);
    if (data.problems.length > 0) throw new DatasetInvalidError(folder, sortProblems(data.problems));
    await adoptPart(part, besideDir, out, resolver.passages);
    say("writing CSV", "MET", 0);
    const projected = await met.finish(csv, (pairs) => say("writing CSV", `MET ${pairs} pairs`, pairs));
    return {
      csv,
      datasetId,
      checksum: data.checksum,
      manifest,
      nodes: counts.nodes,
      relationships: counts.relationships as Record<RelType, number>,
      projected,
    };
  } finally {
    await beside.stop();
    await met.close();
    await csv.close();
  }
}

const sortProblems = (problems: StreamedDataset["problems"]) => {
  const order = ["manifest.yaml", ...LIST_FILES.map((f) => f.file)];
  return problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
};

/** Runs Neo4jImport (the launcher's import class) on the machine's Java; its stderr is the importer's report. */
async function runImporter(importHome: string, argumentsFile: string, report: string, options: BulkOptions) {
  const child = spawn(
    "java",
    [
      `-Xmx${options.heap}`,
      "-XX:+ExitOnOutOfMemoryError",
      "-cp",
      launcherClasspath(),
      "liaison.neo4j.Neo4jImport",
      "--home",
      importHome,
      "--owner-pid",
      String(process.pid),
      "--arguments",
      argumentsFile,
    ],
    // stdin stays open: when this process dies, even by SIGKILL, the importer sees EOF and stops.
    { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const tail: string[] = [];
  const badEntry: string[] = [];
  let outcome = "";
  createInterface({ input: child.stdout }).on("line", (line) => {
    if (line.startsWith("LIAISON_NEO4J_")) outcome = line;
  });
  createInterface({ input: child.stderr }).on("line", (line) => {
    tail.push(line);
    if (tail.length > 60) tail.shift();
    if (line.includes("ERROR in input") && badEntry.length === 0) badEntry.push(line);
    else if (badEntry.length > 0 && badEntry.length < 6) badEntry.push(line);
    // The importer's stages and summary, not its per-percent dots.
    if (
      /^(IMPORT |Imported:|Peak memory|\s+\d+ (nodes|relationships|properties)|.*(started|completed) \d{4}-)/.test(line)
    )
      options.say?.(`  importer: ${line.trim()}`);
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.once("exit", (c, s) => resolve([c, s])),
  );
  process.removeListener("exit", killOnExit);
  if (code === 0 && outcome === "LIAISON_NEO4J_IMPORTED") return;
  const reportText = await readFile(report, "utf8").catch(() => "");
  const why = outcome.startsWith("LIAISON_NEO4J_IN_USE")
    ? `its folder ${importHome} is in use by another process (${outcome.split(" ").slice(1).join(" ")})`
    : outcome.replace(/^LIAISON_NEO4J_FAILED /, "") || `the importer ended (${signal ?? `code ${code}`})`;
  // The importer's own account of the bad entry (file, line, field, value), else the end of its output.
  const account = badEntry.length > 0 ? badEntry : tail.filter((line) => !/^\s+at /.test(line)).slice(-12);
  const details = [...account, ...reportText.split("\n").slice(0, 10)].join("\n    ");
  throw new DatasetLoadError(`bulk import of ${importHome} failed: ${why}; nothing was changed.\n    ${details}`);
}

/** "Actor.aliases, MET.years" (or "none"): which properties a fix-up step touched, for the steps line. */
const propertyNames = (list: readonly { name: string; key: string }[]) =>
  list.map(({ name, key }) => `${name}.${key}`).join(", ") || "none";

/**
 * Finishes the imported database on a Neo4j of its own (the import home, a free port): puts back
 * empty lists and line breaks, creates the schema and waits for its indexes, writes the Dataset
 * node, the first rings and the dates summary, with the same queries as the other paths. Readers
 * never see it unfinished.
 */
async function finish(
  importHome: string,
  written: Written,
  options: BulkOptions,
  say: (phase: string, step: string, done: number) => void,
  endStep: (step: string) => void,
) {
  const neo4j = await startBundledNeo4j({
    home: importHome,
    boltPort: await freePort(),
    heap: options.heap,
    pageCache: options.pageCache,
    txMemory: options.txMemory,
    // Index files and caches of a large store open more slowly than an empty one's.
    readyTimeoutMs: 600_000,
  });
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    endStep("start Neo4j");
    const runner = new QueryRunner(driver, undefined, 3_600_000);
    for (const { kind, name, key, marker } of written.csv.emptyLists()) {
      if (kind === "node") await runner.run(emptyListNodes, { label: name, key, marker }, { implicit: true });
      else await runner.run(emptyListRels, { type: name, key, marker }, { implicit: true });
    }
    endStep(`empty lists (${propertyNames(written.csv.emptyLists())})`);
    // Before the schema: the full-text indexes then read the texts once, as they are.
    say("finishing", "line breaks", 0);
    const markers = { lf: LINE_FEED, cr: CARRIAGE_RETURN };
    for (const { kind, name, key } of written.csv.lineBreaks()) {
      if (kind === "node") await runner.run(lineBreakNodes, { ...markers, label: name, key }, { implicit: true });
      else await runner.run(lineBreakRels, { ...markers, type: name, key }, { implicit: true });
    }
    endStep(`line breaks (${propertyNames(written.csv.lineBreaks())})`);
    say("finishing", "constraints and indexes", 0);
    const schema = await applySchemaTimed(runner, 3_600);
    const top = (times: { name: string; seconds: number }[]) =>
      times
        .slice(0, 3)
        .map(({ name, seconds }) => `${name} ${seconds.toFixed(1)} s`)
        .join(", ") || "none";
    endStep(`constraints and indexes (slowest: ${top(schema.statements)}; last online: ${top(schema.online)})`);
    const props = toNeo4jProps(datasetRow(written.manifest, written.checksum).props);
    await runner.run(mergeDataset, { props });
    say("finishing", "first rings, dates", 0);
    // MET with its pool marks and each actor's meetings and metRank came with the import: only
    // the first rings and dates remain.
    await refreshProjections(autoCommit(runner), { projected: written.projected, stepDone: endStep });
    endStep("dates summary");
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}
