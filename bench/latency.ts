/**
 * Latency per endpoint: the same request through HTTP (the real app) and its recorded queries
 * straight through neo4j-driver, alternately in one loop, so both see the same machine at the same
 * moment; p50/p95 of each and the ratio of the p50s.
 */
import type { Driver } from "neo4j-driver";
import type { BenchEndpoint } from "./endpoints.js";
import { httpGet } from "./http-get.js";
import { loadAverage } from "./machine.js";
import type { RecordedWork, RecordingRunner } from "./recording-runner.js";
import { replay } from "./replay.js";
import { percentile, ratio } from "./stats.js";

export interface LatencyRow {
  name: string;
  path: string;
  /** What the request ran, in order; calls of one inner list ran together. */
  ran: string[][];
  requests: number;
  bytes: number;
  http: { p50: number; p95: number };
  driver: { p50: number; p95: number };
  /** HTTP p50 ÷ driver p50. */
  ratio: number | null;
  loadAverage: { start: number[]; end: number[] };
}

export interface Recorded {
  endpoint: BenchEndpoint;
  work: RecordedWork;
}

/**
 * Sends one request with the runner recording, and checks that it ran only the queries the
 * endpoint's table lists. A first request goes unrecorded: what the app caches is then cached, as
 * it is for every timed request.
 */
export async function recordWork(base: string, runner: RecordingRunner, endpoint: BenchEndpoint): Promise<Recorded> {
  await httpGet(base + endpoint.path);
  runner.record();
  let work: RecordedWork = [];
  try {
    await httpGet(base + endpoint.path);
  } finally {
    work = runner.stop();
  }
  const unlisted = work.flat().filter((call) => !endpoint.queries.includes(call.name));
  if (work.length === 0 || unlisted.length > 0) {
    throw new Error(
      `bench: GET /api${endpoint.path} ran [${work
        .flat()
        .map((call) => call.name)
        .join(", ")}]; bench/endpoints.ts lists [${endpoint.queries.join(", ")}] for "${endpoint.name}"`,
    );
  }
  return { endpoint, work };
}

/** Times `requests` interleaved pairs (HTTP, then driver) after up to 3 warm-up pairs (no more than `requests`). */
export async function measureLatency(
  base: string,
  driver: Driver,
  { endpoint, work }: Recorded,
  requests: number,
): Promise<LatencyRow> {
  const url = base + endpoint.path;
  for (let i = 0; i < Math.min(3, requests); i++) {
    await httpGet(url);
    await replay(driver, work);
  }
  const start = loadAverage();
  const http: number[] = [];
  const direct: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    let began = performance.now();
    bytes = await httpGet(url);
    http.push(performance.now() - began);
    began = performance.now();
    await replay(driver, work);
    direct.push(performance.now() - began);
  }
  const p50 = percentile(http, 0.5);
  const driverP50 = percentile(direct, 0.5);
  return {
    name: endpoint.name,
    path: `/api${endpoint.path}`,
    ran: work.map((group) => group.map((call) => call.name)),
    requests,
    bytes,
    http: { p50, p95: percentile(http, 0.95) },
    driver: { p50: driverP50, p95: percentile(direct, 0.95) },
    ratio: ratio(p50, driverP50),
    loadAverage: { start, end: loadAverage() },
  };
}
