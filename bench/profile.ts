/**
 * `node scripts/run-built.mjs dist/bench/profile.js --data <folder> [--only <names>]`: where the
 * app's time goes per endpoint. On a data folder loaded by `npm run bench -- --keep` (or
 * NEO4J_URI), for each bench endpoint: HTTP vs bare driver, interleaved (as the bench does), then
 * a CPU profile of the app's thread while clients in a worker fire the request, summarised by part
 * (zod, neo4j-driver, Express, the app's modules…) and function; the .cpuprofile files are written
 * for DevTools.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { createApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { ensureProjections } from "../server/domain/projections.js";
import { createLogger } from "../server/lib/logger.js";
import { fromRoot } from "../server/lib/project-root.js";
import { type BundledNeo4j, freePort, startBundledNeo4j } from "../server/neo4j/bundled.js";
import { connect, type Neo4jTarget } from "../server/neo4j/connect.js";
import { QueryRunner } from "../server/neo4j/query-runner.js";
import { benchEndpoints, pickSubjects } from "./endpoints.js";
import { measureLatency, recordWork } from "./latency.js";
import { type CpuProfile, formatSummary, summariseProfile } from "./profile-summary.js";
import { RecordingRunner } from "./recording-runner.js";

/** Functions whose inclusive time is reported: the suspected costs of issue 10's HTTP overhead. */
const INCLUSIVE = [
  "decodeRows",
  "json",
  "stringify",
  "addNode",
  "chooseBackbone",
  "meetingNetwork",
  "meetings",
  "search",
  "timeline",
  "evidenceItem",
  "parsePart",
  "pinoLogger",
  "helmet",
  "rateLimit",
];

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: "string" },
      only: { type: "string" },
      requests: { type: "string", default: "100" },
      clients: { type: "string", default: "1" },
      seconds: { type: "string", default: "8" },
      interval: { type: "string", default: "200" },
      out: { type: "string" },
      heap: { type: "string", default: "1g" },
      "page-cache": { type: "string", default: "256m" },
    },
  });
  return {
    data: values.data === undefined ? undefined : path.resolve(values.data),
    only: values.only?.split(",").map((name) => name.trim()),
    requests: Number(values.requests),
    clients: Number(values.clients),
    seconds: Number(values.seconds),
    intervalUs: Number(values.interval),
    out: path.resolve(values.out ?? fromRoot("bench", "results", `profiles-${Date.now()}`)),
    heap: values.heap ?? "1g",
    pageCache: values["page-cache"] ?? "256m",
  };
}

/** Fires `url` from `clients` clients in a worker for `seconds`; resolves with the requests answered. */
function fire(url: string, clients: number, seconds: number): Promise<{ ok: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./throughput-worker.js", import.meta.url), {
      workerData: { url, clients, seconds },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

export async function main(args: string[] = []): Promise<void> {
  const o = options(args);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let db: BundledNeo4j | undefined;
  let target: Neo4jTarget | undefined = process.env.NEO4J_URI
    ? {
        uri: process.env.NEO4J_URI,
        user: process.env.NEO4J_USER ?? "neo4j",
        password: process.env.NEO4J_PASSWORD ?? "",
      }
    : undefined;
  if (!target) {
    if (!o.data) throw new Error("profile: --data <folder> (kept by npm run bench -- --keep) or NEO4J_URI");
    db = await startBundledNeo4j({
      home: path.join(o.data, "neo4j"),
      boltPort: await freePort(),
      heap: o.heap,
      pageCache: o.pageCache,
    });
    target = db;
  }
  const driver = await connect(target);
  const session = new Session();
  const server = { close: () => {} };
  try {
    const config = loadConfig({
      NEO4J_URI: target.uri,
      NEO4J_USER: target.user,
      NEO4J_PASSWORD: target.password,
      LOG_LEVEL: "silent",
      LIAISON_QUERY_TIMEOUT_MS: "120000",
    });
    await ensureProjections(new QueryRunner(driver, undefined, 600_000), say);
    const runner = new RecordingRunner(driver, undefined, config.LIAISON_QUERY_TIMEOUT_MS);
    const app = createApp({ runner, config, logger: createLogger("silent"), neo4jInfo: { mode: "bundled", uri: "" } });
    const listening = app.listen(0, "127.0.0.1");
    server.close = () => {
      listening.closeAllConnections();
      listening.close();
    };
    await new Promise((resolve) => listening.once("listening", resolve));
    const address = listening.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`;
    const subjects = await pickSubjects(runner);
    await mkdir(o.out, { recursive: true });
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: o.intervalUs });
    const chosen = benchEndpoints(subjects).filter(
      (endpoint) => !o.only || o.only.some((name) => endpoint.name.includes(name)),
    );
    for (const endpoint of chosen) {
      const recorded = await recordWork(base, runner, endpoint);
      const row = await measureLatency(base, driver, recorded, o.requests);
      say(
        `\n${endpoint.name} (${row.bytes} bytes): HTTP p50 ${row.http.p50} ms, driver p50 ${row.driver.p50} ms, ratio ${row.ratio}`,
      );
      await session.post("Profiler.start");
      const run = await fire(base + endpoint.path, o.clients, o.seconds);
      const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
      const file = path.join(o.out, `${endpoint.name.replace(/[^\w]+/g, "-")}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      say(
        `  profiled ${run.ok} requests (${o.clients} client(s), ${o.seconds} s) → ${path.relative(fromRoot(), file)}`,
      );
      for (const line of formatSummary(summariseProfile(profile, INCLUSIVE), 18, run.ok)) say(line);
    }
  } finally {
    session.disconnect();
    server.close();
    await driver.close();
    await db?.stop();
  }
}
