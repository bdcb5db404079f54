import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { type LoadProgress, loadDataset } from "../../server/dataset/load.js";
import type { DatasetInvalidError } from "../../server/dataset/validate.js";
import { json } from "../../server/neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../../server/neo4j/query-runner.js";
import { generate } from "../../server/synth/generate.js";
import { killedLoad } from "../support/killed-load.js";
import { readRows, resetGraph, testDriver, testRunner } from "../support/neo4j.js";

const root = path.resolve(import.meta.dirname, "../..");
const seed = path.join(root, "data/seed");

let driver: Driver;
let runner: QueryRunner;
let dir: string;
let tiny: string;
let expected: { nodes: number; relationships: number };

const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);

/** What readers can see: every node with a model label, every relationship between two of them. */
async function visible() {
  const nodes = await read(
    "MATCH (n) WHERE NOT n:Staging AND NOT n:Retired RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
  );
  const rels = await read(
    `MATCH (a)-[r]->(b) WHERE NOT a:Staging AND NOT a:Retired
     RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.title`,
  );
  // loadedAt is a time; the Projection node's stamp a random id, new at every projection/done; the
  // footprint is what only the one-transaction path records (docs/loading.md).
  for (const node of nodes)
    for (const key of ["loadedAt", "stamp", "footprintNodes", "footprintFrom", "footprintTo"])
      delete (node.props as Record<string, unknown>)[key];
  return { nodes, rels };
}

const hidden = async () => Number((await read("MATCH (n:Staging|Retired) RETURN count(n) AS n"))[0]?.n ?? 0);

/** The API's own queries, as the explorer's first requests run them. */
const graphCounts = defineQuery<Record<string, never>>("graph/counts", "READ").rows({
  labels: json(),
  relationshipTypes: json(),
});
const countsByLabel = defineQuery<Record<string, never>>("health/counts-by-label", "READ").rows({
  label: json(),
  count: json(),
});
const byId = defineQuery<{ id: string }>("nodes/by-id", "READ").rows({
  node: json(),
  degree: json(),
  evidenceCount: json(),
});
async function apiView(id: string) {
  // Node labels only: relationship counts come from Neo4j's count store, which also counts the
  // relationships a load has staged but not published (docs/loading.md, "What readers see").
  const schema = (await runner.run(graphCounts, {})).rows.map((r) => r.labels);
  const counts = (await runner.run(countsByLabel, {})).rows;
  const node = (await runner.run(byId, { id })).rows.length;
  return { schema, counts, node };
}

async function copyOf(folder: string): Promise<string> {
  const copy = await mkdtemp(path.join(dir, "copy-"));
  await cp(folder, copy, { recursive: true });
  return copy;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-stream-load-"));
  tiny = path.join(dir, "tiny");
  const { counts } = await generate({ size: "tiny", seed: 5, out: tiny });
  expected = { nodes: counts.totalNodes, relationships: counts.totalRelationships };
});

beforeEach(async () => {
  driver ??= testDriver();
  runner ??= testRunner(driver);
  await resetGraph(driver);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await driver?.close();
});

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe("loadDataset: streaming", () => {
  test("when a generated dataset is loaded by streaming, then the graph equals the one-transaction load's", async () => {
    const phases = new Set<string>();
    const streamed = await loadDataset(runner, tiny, {
      mode: "streaming",
      progress: (p: LoadProgress) => phases.add(p.phase ?? ""),
    });
    expect(sum(streamed.nodes)).toBe(expected.nodes);
    expect(sum(streamed.relationships)).toBe(expected.relationships);
    expect([...phases]).toEqual(
      expect.arrayContaining(["checking", "staging nodes", "staging relationships", "publishing"]),
    );
    expect(await hidden()).toBe(0);
    const byStreaming = await visible();

    await resetGraph(driver);
    const whole = await loadDataset(runner, tiny, { mode: "transaction" });
    expect(whole.checksum).toBe(streamed.checksum);
    expect(await visible()).toEqual(byStreaming);
  }, 120_000);

  test("when a streamed dataset is loaded again, then the new version replaces the old and nothing is left behind", async () => {
    await loadDataset(runner, tiny, { mode: "streaming" });
    const first = await visible();
    const again = await loadDataset(runner, tiny, { mode: "streaming" });
    expect(again.removed.nodes).toBe(expected.nodes);
    expect(await hidden()).toBe(0);
    expect(await visible()).toEqual(first);
  }, 120_000);

  test("when a late record is invalid, then every problem is reported with file and line and the graph is unchanged", async () => {
    await loadDataset(runner, seed);
    const before = await visible();
    const broken = await copyOf(tiny);
    const claims = path.join(broken, "claims.yaml");
    const lines = (await readFile(claims, "utf8")).split("\n");
    const at = lines.findLastIndex((line) => line.startsWith('    about: ["'));
    lines[at] = '    about: ["actor:nobody-at-all"]';
    await writeFile(claims, lines.join("\n"));

    const error = (await loadDataset(runner, broken, { mode: "streaming" }).catch((e) => e)) as DatasetInvalidError;
    expect(error.code).toBe("DATASET_INVALID");
    expect(error.problems).toEqual([
      expect.objectContaining({ code: "DANGLING_REFERENCE", file: "claims.yaml", line: at + 1 }),
    ]);
    expect(await visible()).toEqual(before);
    expect(await hidden()).toBe(0);
  }, 120_000);

  test("when the loading process is killed while staging, then readers see the graph as before, and the next load clears what was staged", async () => {
    await loadDataset(runner, seed);
    const before = await visible();
    const apiBefore = await apiView("actor:wang-yi");
    const { signal, output } = await killedLoad(
      tiny,
      `{ mode: "streaming" }`,
      `p.phase === "staging relationships" && p.done > 1000`,
    );
    expect(signal, output).toBe("SIGKILL");
    expect(output).toMatch(/killed after \d+ rows/);

    // Staged nodes and relationships are in the database, and no reader sees them.
    expect(await hidden()).toBeGreaterThan(0);
    const someStagedActor = (await read("MATCH (n:Staging {stagedLabel: 'Actor'}) RETURN n.id AS id LIMIT 1"))[0]?.id;
    expect(typeof someStagedActor).toBe("string");
    expect(await visible()).toEqual(before);
    expect(await apiView("actor:wang-yi")).toEqual(apiBefore);
    expect((await apiView(String(someStagedActor))).node).toBe(0);

    // The killed load still holds the dataset's lock until it goes stale: another load is refused, harmlessly.
    const refused = await loadDataset(runner, tiny, { mode: "streaming" }).catch((e) => e);
    expect(refused).toMatchObject({ code: "DATASET_LOAD_FAILED" });
    expect(refused.message).toMatch(/another load of dataset:synth-tiny-5 is running/);
    expect(await visible()).toEqual(before);

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const result = await loadDataset(runner, tiny, { mode: "streaming", lockStaleMs: 1_000 });
    expect(sum(result.nodes)).toBe(expected.nodes);
    expect(await hidden()).toBe(0);
    expect((await apiView(String(someStagedActor))).node).toBe(1);
  }, 120_000);
});
