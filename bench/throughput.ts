/**
 * Throughput: concurrent clients (in a worker thread) for a fixed time against the app, then
 * against a bare node:http handler that runs the same recorded queries through the same driver and
 * answers their records as JSON; requests/s of each and the ratio.
 */
import { createServer, type Server } from "node:http";
import { Worker } from "node:worker_threads";
import type { Driver } from "neo4j-driver";
import type { Recorded } from "./latency.js";
import { loadAverage } from "./machine.js";
import { replay } from "./replay.js";
import { ratio, round } from "./stats.js";

export interface ThroughputRow {
  name: string;
  path: string;
  clients: number;
  seconds: number;
  express: { requestsPerS: number; errors: number };
  bare: { requestsPerS: number; errors: number };
  /** Express requests/s ÷ bare node:http requests/s. */
  ratio: number | null;
  loadAverage: { start: number[]; end: number[] };
}

/** A node:http server answering each recorded request path with its queries' records. */
export async function bareServer(driver: Driver, recorded: Recorded[]): Promise<{ base: string; server: Server }> {
  const byPath = new Map(recorded.map((entry) => [`/api${entry.endpoint.path}`, entry.work]));
  const server = createServer((req, res) => {
    const work = byPath.get(req.url ?? "");
    if (!work) {
      res.writeHead(404).end();
      return;
    }
    replay(driver, work).then(
      (results) => {
        const body = JSON.stringify(
          results.map((records) => records.map((record) => (record as { toObject(): unknown }).toObject())),
        );
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      },
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return { base: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`, server };
}

function drive(url: string, clients: number, seconds: number) {
  return new Promise<{ ok: number; errors: number; firstError?: string; seconds: number }>((resolve, reject) => {
    const worker = new Worker(new URL("./throughput-worker.js", import.meta.url), {
      workerData: { url, clients, seconds },
    });
    worker.once("message", resolve);
    worker.once("error", reject);
  });
}

/** Drives the app, then the bare handler, with `clients` clients for `seconds` each. */
export async function measureThroughput(
  appBase: string,
  bareBase: string,
  { endpoint }: Recorded,
  clients: number,
  seconds: number,
): Promise<ThroughputRow> {
  const start = loadAverage();
  const express = await drive(appBase + endpoint.path, clients, seconds);
  const bare = await drive(bareBase + endpoint.path, clients, seconds);
  for (const [who, run] of [
    ["app", express],
    ["bare handler", bare],
  ] as const)
    if (run.errors > 0)
      throw new Error(`bench: ${run.errors} failed requests to the ${who} on ${endpoint.path}: ${run.firstError}`);
  const expressRate = round(express.ok / express.seconds, 1);
  const bareRate = round(bare.ok / bare.seconds, 1);
  return {
    name: endpoint.name,
    path: `/api${endpoint.path}`,
    clients,
    seconds,
    express: { requestsPerS: expressRate, errors: express.errors },
    bare: { requestsPerS: bareRate, errors: bare.errors },
    ratio: ratio(expressRate, bareRate),
    loadAverage: { start, end: loadAverage() },
  };
}
