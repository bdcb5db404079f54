import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BenchResult } from "../../bench/report.js";
import { fromRoot } from "../../server/lib/project-root.js";
import { testNeo4j } from "../support/neo4j.js";

/**
 * Runs `npm run bench` as users do (the built bench through scripts/run-built.mjs), against the
 * run's Neo4j (NEO4J_URI: the dataset is loaded into it, which spares starting a bundled Neo4j
 * for the load and again for the run); resolves with its exit code and output.
 */
function runBench(args: string[]): Promise<{ code: number | null; output: string }> {
  const neo4j = testNeo4j();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fromRoot("scripts", "run-built.mjs"), "dist/bench/run.js", ...args], {
      cwd: fromRoot(),
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}

let scratch: string;
let run: { code: number | null; output: string };
let result: BenchResult;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-test-"));
  const out = path.join(scratch, "result.json");
  // Few requests and short runs: this proves the command works end to end, not how fast anything is.
  run = await runBench([
    "--size",
    "tiny",
    "--requests",
    "2",
    "--clients",
    "2",
    "--seconds",
    "1",
    "--first-views",
    "1",
    "--sample",
    "20",
    "--out",
    out,
  ]);
  result = JSON.parse(await readFile(out, "utf8").catch(() => "{}")) as BenchResult;
}, 600_000);
afterAll(async () => rm(scratch, { recursive: true, force: true }));

const figure = expect.any(Number);
const timing = { p50: figure, p95: figure };

describe("npm run bench", () => {
  test("when run on tiny, then it exits 0 and prints the endpoint table and every target", () => {
    expect(run.code, run.output.slice(-3000)).toBe(0);
    expect(run.output).toMatch(/Endpoints: 2 requests each/);
    expect(run.output).toMatch(/Targets \(issue 10; measured on tiny\)/);
  });

  test("when run on tiny, then the JSON says what it ran on: cores, memory, load averages, versions and commit", () => {
    expect(result.size).toBe("tiny");
    expect(result.machine.cores).toBeGreaterThan(0);
    expect(result.machine.memoryGiB).toBeGreaterThan(0);
    expect(result.machine.loadAverage.start).toHaveLength(3);
    expect(result.machine.loadAverage.end).toHaveLength(3);
    expect(result.versions).toEqual({
      node: process.version,
      neo4j: expect.stringMatching(/^5\./),
      chromium: expect.stringMatching(/^\d+\./),
      commit: expect.stringMatching(/^[0-9a-f]{12}(\+dirty)?$/),
    });
  });

  test("when run on tiny, then the load is measured in a child against a per-row baseline", () => {
    expect(result.load).toMatchObject({ seconds: figure, nodesPerS: figure, relationshipsPerS: figure });
    expect(result.load?.nodes).toBeGreaterThan(0);
    expect(result.load?.relationships).toBeGreaterThan(0);
    expect(result.load?.peakRssMB).toBeGreaterThan(0);
    expect(result.baseline).toMatchObject({ nodes: 20, relationships: 20, rowsPerS: figure });
  });

  test("when run on tiny, then every read endpoint of the explorer is timed through HTTP and through the driver", () => {
    const names = result.endpoints.map((row) => row.name);
    for (const expected of [
      "network (first view)",
      "meetings of the hub",
      "pair events",
      "neighbourhood of the hub, depth 1",
      "neighbourhood of the hub, 2-hop capped",
      "search, exact name",
      "search, partial word",
      "search, phrase",
      "timeline page",
      "timeline window",
      "schema",
      "health",
      "node by id",
      "provenance",
      "paths",
    ])
      expect(
        names.some((name) => name.startsWith(expected)),
        expected,
      ).toBe(true);
    for (const row of result.endpoints) {
      expect(row).toMatchObject({ requests: 2, http: timing, driver: timing });
      expect(row.bytes).toBeGreaterThan(0);
      expect(row.ran.flat().length).toBeGreaterThan(0);
      expect(row.loadAverage.start).toHaveLength(3);
    }
  });

  test("when run on tiny, then every query each endpoint ran is PROFILEd: its db hits, rows and costliest operators are in the JSON and the table", () => {
    expect(result.plans?.map((entry) => entry.name)).toEqual(result.endpoints.map((row) => row.name));
    for (const entry of result.plans ?? []) {
      expect(entry.plans.length, entry.name).toBeGreaterThan(0);
      for (const plan of entry.plans) {
        expect(plan).toMatchObject({ query: expect.any(String), dbHits: figure, rows: figure });
        expect(plan.scans).toEqual(expect.any(Array));
      }
    }
    expect(run.output).toMatch(/PROFILE of each endpoint's queries/);
  });

  test("when run on tiny, then throughput compares the app with a bare node:http handler, and the first view is timed in Chromium", () => {
    expect(result.throughput.map((row) => row.name)).toEqual(
      expect.arrayContaining(["search, exact name", "neighbourhood of the hub, 2-hop capped"]),
    );
    for (const row of result.throughput) {
      expect(row.express.requestsPerS).toBeGreaterThan(0);
      expect(row.bare.requestsPerS).toBeGreaterThan(0);
    }
    expect(result.firstView?.ms).toHaveLength(1);
    expect(result.firstView?.nodes).toBeGreaterThan(0);
  });

  test("when run on tiny, then each of the issue's targets is reported as met, missed or not measured", () => {
    for (const target of [
      "load in < 3 min",
      "≥ 20,000 nodes/s",
      "≥ 8,000 relationships/s",
      "≥ 100× the per-row baseline",
      "peak Node RSS",
      "first view (network) p95 < 500 ms",
      "meetings of the biggest hub p95 < 300 ms",
      "capped 2-hop neighbourhood p95 < 100 ms",
      "search p95 < 100 ms",
      "timeline page p95 < 200 ms",
      "HTTP p50 ≤ 1.15× driver",
      "Express ≥ 0.8× bare node:http",
      "first view drawn < 2 s",
    ])
      expect(
        result.targets.some((check) => check.target.startsWith(target)),
        target,
      ).toBe(true);
    for (const check of result.targets) expect([true, false, null]).toContain(check.met);
  });
});
