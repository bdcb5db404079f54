/**
 * `npm run bench -- [--size tiny|small|medium|large] [--requests 200] [--data <folder>]`: every
 * figure of issue 10 in one run. Generates (or reuses) the synthetic dataset, loads it with
 * `npm run load` in a child on a throw-away data folder, then on that database times every read
 * endpoint through HTTP and straight through the driver, throughput against a bare node:http
 * handler, and the explorer's first view in Chromium; prints a table and the targets, and writes
 * the JSON under bench/results/. Asserts nothing: the figures are the machine's of the moment.
 */

import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { ensureProjections } from "../server/domain/projections.js";
import { createLogger } from "../server/lib/logger.js";
import { fromRoot } from "../server/lib/project-root.js";
import { type BundledNeo4j, freePort, startBundledNeo4j } from "../server/neo4j/bundled.js";
import { connect } from "../server/neo4j/connect.js";
import { QueryRunner } from "../server/neo4j/query-runner.js";
import { applySchema } from "../server/neo4j/schema.js";
import { isSizeName, SIZES } from "../server/synth/sizes.js";
import { perRowBaseline } from "./baseline.js";
import { runNode, syntheticDataset } from "./dataset.js";
import { benchEndpoints, pickSubjects } from "./endpoints.js";
import { measureFirstView } from "./first-view.js";
import { measureLatency, type Recorded, recordWork } from "./latency.js";
import { measureLoad, type Neo4jMemory } from "./load-phase.js";
import { gitCommit, loadAverage, machine } from "./machine.js";
import { profileEndpoints } from "./plans.js";
import { RecordingRunner } from "./recording-runner.js";
import { type BenchResult, formatResult, writeResult } from "./report.js";
import { checkTargets } from "./targets.js";
import { bareServer, measureThroughput } from "./throughput.js";

const usage = `usage: npm run bench -- [--size tiny|small|medium|large] [--seed 1] [--requests 200]
                       [--clients 16] [--seconds 10] [--first-views 5] [--sample 2000]
                       [--data <folder>] [--keep] [--only <words>] [--out <file.json>]
                       [--heap 1g] [--page-cache 256m] [--tx-memory 512m]

  --size         synthetic dataset to generate (cached in .bench-data/) and load; default small
  --requests     requests per endpoint, HTTP and driver each (≥ 200 for the issue's figures)
  --clients      concurrent clients of the throughput runs; --seconds: how long each run lasts
  --first-views  page loads in Chromium (median reported)
  --sample       rows of the per-row baseline (nodes and relationships each)
  --data         a data folder (LIAISON_DATA_DIR) already loaded, e.g. one kept by --keep: the
                 load is not measured, the rest is
  --keep         keep the throw-away data folder and say where it is
  --only         measure only the endpoints whose name contains one of these comma-separated
                 words (e.g. --only timeline,meetings: re-measuring what a change touched)
  --out          where to write the JSON (default bench/results/bench-<size>-<time>.json)
  --heap, --page-cache, --tx-memory  the bundled Neo4j's memory, for the load and the run
`;

/** Endpoints whose throughput is measured: the explorer's busiest requests. */
const THROUGHPUT = [
  "search, exact name",
  "neighbourhood of the hub, 2-hop capped",
  "network (first view)",
  "meetings of the hub",
];

/** `--only`'s words, lower-cased; an empty list is a mistake, not "everything". */
function onlyWords(value: string): string[] {
  const words = value
    .split(",")
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== "");
  if (words.length === 0) throw new Error("--only must name at least one word of an endpoint's name");
  return words;
}

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      size: { type: "string", default: "small" },
      seed: { type: "string", default: "1" },
      requests: { type: "string", default: "200" },
      clients: { type: "string", default: "16" },
      seconds: { type: "string", default: "10" },
      "first-views": { type: "string", default: "5" },
      sample: { type: "string", default: "2000" },
      data: { type: "string" },
      keep: { type: "boolean", default: false },
      only: { type: "string" },
      out: { type: "string" },
      heap: { type: "string" },
      "page-cache": { type: "string" },
      "tx-memory": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const count = (name: keyof typeof values, min: number) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}`);
    return value;
  };
  if (!isSizeName(values.size)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(", ")}`);
  const defaults = loadConfig({});
  return {
    help: values.help === true,
    size: values.size,
    seed: count("seed", 0),
    requests: count("requests", 1),
    clients: count("clients", 1),
    seconds: count("seconds", 1),
    firstViews: count("first-views", 0),
    sample: count("sample", 1),
    data: values.data === undefined ? undefined : path.resolve(values.data),
    keep: values.keep === true,
    only: values.only === undefined ? undefined : onlyWords(values.only),
    out: values.out,
    memory: {
      heap: values.heap ?? defaults.LIAISON_NEO4J_HEAP,
      pageCache: values["page-cache"] ?? defaults.LIAISON_NEO4J_PAGE_CACHE,
      txMemory: values["tx-memory"] ?? defaults.LIAISON_NEO4J_TX_MEMORY,
    } satisfies Neo4jMemory,
  };
}

const began = performance.now();
/** Progress lines, each with the seconds since the run began (which phase costs what). */
const say = (line: string) =>
  process.stdout.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** Runs the benchmark (see the module comment); resolves with what it wrote. */
export async function main(args: string[] = []): Promise<BenchResult | undefined> {
  let o: ReturnType<typeof options>;
  try {
    o = options(args);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${usage}`);
    process.exitCode = 2;
    return undefined;
  }
  if (o.help) {
    process.stdout.write(usage);
    return undefined;
  }
  const when = new Date().toISOString();
  const result: BenchResult = {
    when,
    size: o.data ? "given" : o.size,
    seed: o.data ? null : o.seed,
    data: o.data ?? "",
    settings: {
      requests: o.requests,
      clients: o.clients,
      seconds: o.seconds,
      firstViews: o.firstViews,
      sample: o.sample,
      ...(o.only ? { only: o.only } : {}),
    },
    neo4jMemory: o.memory,
    machine: machine(),
    versions: { node: process.version, commit: gitCommit() },
    endpoints: [],
    throughput: [],
    targets: [],
  };

  // As bench:load and the tests do: NEO4J_URI names a running Neo4j that the dataset is loaded
  // into (beside what it holds), instead of a throw-away bundled one started twice (load, run).
  const external = process.env.NEO4J_URI
    ? {
        uri: process.env.NEO4J_URI,
        user: process.env.NEO4J_USER ?? "neo4j",
        password: process.env.NEO4J_PASSWORD ?? "",
      }
    : undefined;
  if (external && o.data) {
    process.stderr.write("bench: --data is for the bundled Neo4j; unset NEO4J_URI to use it\n");
    process.exitCode = 2;
    return undefined;
  }
  result.neo4j = external ? "external (NEO4J_URI)" : "bundled, throw-away";
  const dataset = o.data ? undefined : await syntheticDataset(o.size, o.seed, say);
  const dataDir = external ? undefined : (o.data ?? (await mkdtemp(path.join(os.tmpdir(), "liaison-bench-"))));
  if (dataset) result.data = path.relative(fromRoot(), dataset);
  let db: BundledNeo4j | undefined;
  let driverToClose: { close(): Promise<void> } | undefined;
  const servers: Server[] = [];
  try {
    if (dataset) {
      say(`load: npm run load -- ${result.data} (${dataDir ? `data folder ${dataDir}` : "into NEO4J_URI"})`);
      result.load = await measureLoad(dataset, external ? { external } : { dataDir: dataDir ?? "" }, o.memory, say);
    }
    let target = external;
    if (dataDir) {
      say("Starting the bundled Neo4j on the loaded data…");
      db = await startBundledNeo4j({
        home: path.join(dataDir, "neo4j"),
        boltPort: await freePort(),
        heap: o.memory.heap,
        pageCache: o.memory.pageCache,
        txMemory: o.memory.txMemory,
      });
      target = db;
    }
    if (!target) throw new Error("bench: no Neo4j to run against");
    const driver = await connect(target);
    driverToClose = driver;
    result.versions.neo4j = (await driver.getServerInfo()).agent?.replace(/^Neo4j\//, "") ?? "unknown";
    const config = loadConfig({
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      LOG_LEVEL: "silent",
      // A benchmark times requests: one that ran past the app's 10 s on a busy machine would end
      // the whole run and its figures with a 408.
      LIAISON_QUERY_TIMEOUT_MS: "120000",
    });
    const runner = new RecordingRunner(driver, undefined, config.LIAISON_QUERY_TIMEOUT_MS);
    // Setting up (as the app's start does: the schema and what a --data folder lacks; the
    // baseline) may take minutes.
    const setup = new QueryRunner(driver, undefined, 3_600_000);
    await applySchema(setup, { awaitSeconds: 3_600 });
    await ensureProjections(setup, say);
    if (dataset) {
      say(`baseline: ${o.sample} nodes and ${o.sample} relationships, one transaction each…`);
      result.baseline = await perRowBaseline(runner, dataset, o.sample);
    }

    say("Building the client if it is stale…");
    await runNode(
      [
        "--input-type=module",
        "-e",
        `import { ensureClientBuilt } from ${JSON.stringify(pathToFileURL(fromRoot("scripts", "build-if-stale.mjs")).href)}; ensureClientBuilt();`,
      ],
      say,
    );
    const app = createApp({
      runner,
      config,
      logger: createLogger("silent"),
      neo4jInfo: { mode: external ? "external" : "bundled", uri: "" },
    });
    const appServer = app.listen(0, "127.0.0.1");
    servers.push(appServer);
    await new Promise((resolve) => appServer.once("listening", resolve));
    const address = appServer.address();
    const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const base = `${origin}/api`;

    const subjects = await pickSubjects(runner);
    say(`subjects: hub ${subjects.hub} (${subjects.hubName}, ${subjects.hubCounterparts} counterparts)`);
    const recorded: Recorded[] = [];
    const endpoints = benchEndpoints(subjects).filter(
      ({ name }) => !o.only || o.only.some((word) => name.toLowerCase().includes(word)),
    );
    if (endpoints.length === 0) throw new Error(`--only ${o.only?.join(",")} names no endpoint`);
    for (const endpoint of endpoints) recorded.push(await recordWork(base, runner, endpoint));
    say("PROFILE of every query the endpoints ran…");
    result.plans = await profileEndpoints(driver, recorded);
    for (const entry of recorded) {
      const row = await measureLatency(base, driver, entry, o.requests);
      say(
        `  ${row.name}: HTTP p50 ${row.http.p50} p95 ${row.http.p95} ms, driver p50 ${row.driver.p50} p95 ${row.driver.p95} ms (load ${row.loadAverage.start[0]})`,
      );
      result.endpoints.push(row);
    }

    const bare = await bareServer(driver, recorded);
    servers.push(bare.server);
    for (const entry of recorded.filter((r) => THROUGHPUT.includes(r.endpoint.name))) {
      const row = await measureThroughput(base, bare.base, entry, o.clients, o.seconds);
      say(`  ${row.name}: Express ${row.express.requestsPerS} req/s, node:http ${row.bare.requestsPerS} req/s`);
      result.throughput.push(row);
    }

    if (o.firstViews > 0) {
      say(`first view: ${o.firstViews} page loads in Chromium…`);
      result.firstView = await measureFirstView(`${origin}/`, o.firstViews);
      result.versions.chromium = result.firstView.chromium;
    }
  } catch (error) {
    // What was measured before the failure is still written, with the reason.
    result.error = (error as Error).message;
    process.exitCode = 1;
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await driverToClose?.close();
    await db?.stop();
    if (dataDir && !o.data) {
      if (o.keep) say(`The loaded data folder is kept: npm run bench -- --data ${dataDir}`);
      else await rm(dataDir, { recursive: true, force: true });
    }
  }

  result.machine.loadAverage.end = loadAverage();
  result.targets = checkTargets(result);
  const file = o.out
    ? path.resolve(o.out)
    : fromRoot("bench", "results", `bench-${result.size}-${when.replace(/[:.]/g, "-")}.json`);
  await writeResult(result, file);
  process.stdout.write(`\n${formatResult(result).join("\n")}\n\nWritten to ${path.relative(fromRoot(), file)}\n`);
  if (result.error) process.stderr.write(`bench: stopped early: ${result.error}\n`);
  return result;
}
