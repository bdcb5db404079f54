/**
 * `npm run bench:load -- [--clients 50] [--seconds 60]` (issue 8's load test): runs the built server as `npm start` does
 * (its own process, so its memory is its own) and drives it with many concurrent clients, each
 * from its own loopback address, on a mix of the explorer's endpoints and console queries. Prints
 * per-endpoint p50/p99, refusals (429) apart from errors (5xx, network, unexpected 4xx), and the
 * server's peak RSS; writes the same as JSON under bench/results/. Uses NEO4J_URI when set (its
 * graph gets the seed dataset if it lacks it), otherwise a throw-away bundled Neo4j.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fromRoot } from "../server/lib/project-root.js";
import { freePort } from "../server/neo4j/bundled.js";
import { startServer } from "../tests/support/app-process.js";
import { rawRequest } from "../tests/support/raw-http.js";

interface Sample {
  name: string;
  ms: number;
  status: number;
}

/** The mix: what an analyst's explorer asks, and now and then a console query. */
const MIX: Array<{ name: string; weight: number; request: (i: number) => { path: string; body?: unknown } }> = [
  {
    name: "search",
    weight: 4,
    request: (i) => ({ path: `/api/search?q=${["lavrov", "wang yi", "brics", "trade", "sco summit"][i % 5]}` }),
  },
  { name: "node", weight: 2, request: () => ({ path: "/api/nodes/actor:wang-yi" }) },
  {
    name: "neighbourhood",
    weight: 3,
    request: (i) => ({ path: `/api/nodes/${i % 2 ? "actor:china" : "actor:russia"}/neighbourhood?depth=2&limit=100` }),
  },
  { name: "provenance", weight: 2, request: () => ({ path: "/api/nodes/event:wang-yi-lavrov-meetings/provenance" }) },
  { name: "meetings", weight: 2, request: () => ({ path: "/api/meetings?actor=actor:wang-yi" }) },
  { name: "network", weight: 2, request: () => ({ path: "/api/meetings/network" }) },
  { name: "paths", weight: 1, request: () => ({ path: "/api/paths?from=actor:qin-gang&to=actor:fu-cong" }) },
  { name: "timeline", weight: 1, request: () => ({ path: "/api/timeline?limit=200" }) },
  { name: "schema", weight: 1, request: () => ({ path: "/api/schema" }) },
  { name: "health", weight: 1, request: () => ({ path: "/api/health" }) },
  {
    name: "console",
    weight: 1,
    request: (i) => ({
      path: "/api/cypher",
      body: {
        query:
          "MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event) RETURN a.name AS actor, count(e) AS events ORDER BY events DESC LIMIT toInteger($n)",
        params: { n: 5 + (i % 20) },
      },
    }),
  },
];
const WEIGHTED = MIX.flatMap((entry) => Array.from({ length: entry.weight }, () => entry));

function percentile(sorted: number[], q: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
}

/** The server's resident memory in MB, from /proc (Linux); undefined elsewhere. */
async function rssMb(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** What one run measured; also written as JSON under bench/results/. */
export interface LoadResult {
  requests: number;
  errors: number;
  serverPeakRssMb: number;
  endpoints: Array<{ endpoint: string; requests: number; ok: number; refused429: number; errors: number }>;
}

export async function main(argv: string[] = []): Promise<LoadResult> {
  const { values } = parseArgs({
    args: argv,
    options: { clients: { type: "string", default: "50" }, seconds: { type: "string", default: "60" } },
  });
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  if (!(clients >= 1 && clients <= 200) || !(seconds > 0 && seconds <= 3600)) {
    throw new Error("bench:load: --clients must be 1–200 and --seconds 1–3600");
  }
  let home: string | undefined;
  const env: Record<string, string> = {};
  if (process.env.NEO4J_URI) {
    env.NEO4J_URI = process.env.NEO4J_URI;
  } else {
    home = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-load-"));
    env.LIAISON_DATA_DIR = home;
    env.LIAISON_NEO4J_BOLT_PORT = String(await freePort());
    process.stdout.write("bench:load: starting the server with a throw-away bundled Neo4j…\n");
  }
  const { child, url, stop } = await startServer({ LOG_LEVEL: "warn", ...env });
  try {
    // Warm up: Neo4j compiles each query on first use; that is start-up cost, not load.
    for (const entry of MIX) await rawRequest(url, entry.request(0));
    process.stdout.write(`bench:load: ${clients} clients for ${seconds} s against ${url}\n`);
    const samples: Sample[] = [];
    const errors: string[] = [];
    let peakRss = (await rssMb(child.pid)) ?? 0;
    const rssTimer = setInterval(async () => {
      peakRss = Math.max(peakRss, (await rssMb(child.pid)) ?? 0);
    }, 500);
    const deadline = Date.now() + seconds * 1000;
    const client = async (index: number) => {
      // Each client is its own analyst: its own loopback address, one request at a time.
      const from = `127.0.${2 + Math.floor(index / 250)}.${1 + (index % 250)}`;
      for (let i = index; Date.now() < deadline; i += 1) {
        const entry = WEIGHTED[(i * 7 + index) % WEIGHTED.length] ?? WEIGHTED[0];
        if (!entry) return;
        const started = performance.now();
        try {
          const answer = await rawRequest(url, { ...entry.request(i), from });
          samples.push({ name: entry.name, ms: performance.now() - started, status: answer.status });
          if (answer.status === 429) {
            const wait = Number(answer.headers["retry-after"] ?? 1);
            await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 2) * 1000));
          } else if (answer.status >= 400) {
            errors.push(`${entry.name} ${answer.status} ${answer.text.slice(0, 200)}`);
          }
        } catch (error) {
          samples.push({ name: entry.name, ms: performance.now() - started, status: 0 });
          errors.push(`${entry.name} ${(error as Error).message}`);
        }
      }
    };
    const began = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
    const elapsed = (performance.now() - began) / 1000;
    clearInterval(rssTimer);

    const rows = MIX.map(({ name }) => {
      const mine = samples.filter((sample) => sample.name === name);
      const served = mine.filter((sample) => sample.status > 0 && sample.status < 400).map((sample) => sample.ms);
      served.sort((a, b) => a - b);
      return {
        endpoint: name,
        requests: mine.length,
        ok: served.length,
        refused429: mine.filter((sample) => sample.status === 429).length,
        errors: mine.filter((sample) => sample.status === 0 || (sample.status >= 400 && sample.status !== 429)).length,
        p50Ms: percentile(served, 0.5),
        p99Ms: percentile(served, 0.99),
      };
    });
    const result = {
      when: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      clients,
      seconds: Math.round(elapsed * 10) / 10,
      requests: samples.length,
      requestsPerSecond: Math.round(samples.length / elapsed),
      errors: errors.length,
      serverPeakRssMb: peakRss,
      endpoints: rows,
      firstErrors: errors.slice(0, 10),
    };
    console.table(rows);
    process.stdout.write(
      `bench:load: ${result.requests} requests in ${result.seconds} s (${result.requestsPerSecond}/s), ${result.errors} errors, server peak RSS ${peakRss} MB\n`,
    );
    for (const error of result.firstErrors) process.stdout.write(`  error: ${error}\n`);
    const folder = fromRoot("bench", "results");
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `load-${result.when.replace(/[:.]/g, "-")}.json`);
    await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`bench:load: written to ${path.relative(fromRoot(), file)}\n`);
    if (result.errors > 0) process.exitCode = 1;
    return result;
  } finally {
    await stop();
    if (home) await rm(home, { recursive: true, force: true });
  }
}
