import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { loadSeedIfMissing } from "../../server/dataset/seed.js";
import type { LiaisonError } from "../../server/lib/errors.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { killedLoad } from "../support/killed-load.js";
import { readRows, resetGraph, testDriver, testRunner } from "../support/neo4j.js";

const root = path.resolve(import.meta.dirname, "../..");
const seed = path.join(root, "data/seed");
const fixture = (name: string) => path.join(root, "tests/fixtures/datasets", name);

let driver: Driver;
let runner: QueryRunner;

const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);

/** Every node and relationship with all its properties, in a stable order. */
/** Every node and relationship with its properties (but the Projection node's stamp: a random id, new at every projection/done). */
async function snapshot() {
  const nodes = await read("MATCH (n) RETURN labels(n) AS labels, n {.*, stamp: null} AS props ORDER BY n.id");
  const rels = await read(
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.title",
  );
  return { nodes, rels };
}

async function counts() {
  const labels = await read("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label");
  const types = await read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type");
  return { labels, types };
}

async function copyOf(folder: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-dataset-"));
  await cp(folder, dir, { recursive: true });
  return dir;
}

async function edit(file: string, from: string, to: string) {
  const text = await readFile(file, "utf8");
  if (!text.includes(from)) throw new Error(`edit: ${from} not in ${file}`);
  await writeFile(file, text.replace(from, to));
}

const temp: string[] = [];

beforeEach(async () => {
  driver ??= testDriver();
  runner ??= testRunner(driver);
  await resetGraph(driver);
});

afterAll(async () => {
  await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
  await driver?.close();
});

describe("loadDataset: the seed dataset", () => {
  test("when the seed is loaded, then its people, states, forums, events and claims are in the graph with their counts", async () => {
    const result = await loadDataset(runner, seed);
    const byLabel = Object.fromEntries((await counts()).labels.map((row) => [row.label, Number(row.n)]));
    expect(byLabel).toMatchObject({ ...result.nodes, Dataset: 1 });
    expect(result.nodes.Actor).toBeGreaterThan(20);
    expect(result.nodes.Event).toBeGreaterThan(20);
    expect(result.nodes.Claim).toBeGreaterThan(50);
    const kinds = await read("MATCH (a:Actor) RETURN collect(DISTINCT a.kind) AS kinds");
    expect(kinds[0]?.kinds).toEqual(expect.arrayContaining(["person", "state", "organisation"]));
  }, 90_000); // the first load into a fresh Neo4j compiles every query: slow on a busy machine

  test("when the seed is loaded, then every Event and Claim has evidence and every passage is its source's text at start..end", async () => {
    await loadDataset(runner, seed);
    const unevidenced = await read(
      "MATCH (n) WHERE (n:Event OR n:Claim) AND NOT (n)-[:EVIDENCED_BY]->(:Passage) RETURN n.id AS id",
    );
    expect(unevidenced).toEqual([]);
    const passages = await read(
      `MATCH (p:Passage)-[:IN_SOURCE]->(s:Source)
       RETURN p.id AS id, p.exact AS exact, substring(s.content, p.start, p.end - p.start) AS atOffsets`,
    );
    expect(passages.length).toBeGreaterThan(100);
    for (const passage of passages) expect(passage.atOffsets, passage.id).toBe(passage.exact);
    const names = await read("MATCH (n) WHERE n.name IS NULL OR n.name = '' RETURN n.id AS id");
    expect(names).toEqual([]);
  });

  test("when the seed is loaded twice, then counts and every property are identical", async () => {
    await loadDataset(runner, seed);
    const first = await snapshot();
    const again = await loadDataset(runner, seed);
    expect(await snapshot()).toEqual(first);
    expect(again.removed).toEqual({ nodes: 0, relationships: 0 });
  });
});

describe("loadDataset: facts traced from question to passage", () => {
  beforeEach(async () => {
    await loadDataset(runner, seed);
  });

  test("how often did Wang Yi and Sergey Lavrov meet: 18 times, says this passage", async () => {
    const rows = await read(
      `MATCH (c:Claim)-[:ABOUT]->(:Actor {name: 'Wang Yi'}), (c)-[:ABOUT]->(:Actor {name: 'Sergey Lavrov'})
       WHERE c.unit = 'meetings'
       MATCH (c)-[:EVIDENCED_BY]->(p:Passage)-[:IN_SOURCE]->(s:Source)
       RETURN c.value AS value, p.exact AS exact, s.title AS title`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toBe(18);
    expect(rows[0]?.exact).toContain("Sergey Lavrov met 18 times");
  });

  test("what was Russia–China trade in 2024: about $245 billion, a 66% increase from 2021", async () => {
    const rows = await read(
      `MATCH (c:Claim {kind: 'quantity', unit: 'USD'})-[:ABOUT]->(:Actor {id: 'actor:russia'})
       WHERE c.periodStart = date('2024-01-01') AND c.periodEnd = date('2024-12-31') AND c.measure CONTAINS 'bilateral trade'
       MATCH (c)-[:EVIDENCED_BY]->(p:Passage)
       RETURN c.value AS value, c.qualifier AS qualifier, c.changeValue AS change, c.changeUnit AS changeUnit,
              c.changeBase AS base, p.exact AS exact, p.paragraph AS paragraph`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      value: 245e9,
      qualifier: "about",
      change: 66,
      changeUnit: "percent",
      base: "2021",
    });
    expect(rows[0]?.exact).toContain("about $245 billion in 2024, a 66% increase from 2021");
    expect(rows[0]?.paragraph).toContain(rows[0]?.exact);
  });

  test("what did Qin Gang say, and in what role: his statement and 'then Chinese Ambassador to the U.S.'", async () => {
    const said = await read(
      `MATCH (c:Claim)-[:STATED_BY]->(:Actor {name: 'Qin Gang'})
       MATCH (c)-[:EVIDENCED_BY]->(p:Passage)
       RETURN c.kind AS kind, c.dateText AS date, p.exact AS exact`,
    );
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ kind: "statement", date: "Mar 2022" });
    expect(said[0]?.exact).toContain("did not have any forbidden areas, but it has a bottom line");
    const role = await read(
      `MATCH (:Actor {name: 'Qin Gang'})-[r:HOLDS_ROLE]->(state:Actor)
       MATCH (p:Passage) WHERE p.id IN r.evidence
       RETURN r.title AS title, r.qualifier AS qualifier, state.name AS state, p.exact AS exact`,
    );
    expect(role).toEqual([
      expect.objectContaining({ title: "Ambassador to the U.S.", qualifier: "then", state: "China" }),
    ]);
    expect(role[0]?.exact).toContain("then Chinese Ambassador to the U.S.");
  });

  test("who announced the no-limits partnership: Xi and Putin jointly", async () => {
    const rows = await read(
      "MATCH (:Claim {id: 'claim:no-limits-partnership-announced'})-[:STATED_BY]->(a:Actor) RETURN a.name AS name ORDER BY name",
    );
    expect(rows.map((row) => row.name)).toEqual(["Vladimir Putin", "Xi Jinping"]);
  });
});

describe("loadDataset: all or nothing", () => {
  test("when the dataset is broken, then DATASET_INVALID is thrown and the database is unchanged", async () => {
    await loadDataset(runner, seed);
    const before = await snapshot();
    for (const broken of ["several-problems", "evidence-ambiguous", "missing-file", "dangling-reference"]) {
      const error = (await loadDataset(runner, fixture(broken)).catch((e: unknown) => e)) as LiaisonError;
      expect(error.code, broken).toBe("DATASET_INVALID");
    }
    expect(await snapshot()).toEqual(before);
  });

  test("when a write fails part-way (a constraint only the database checks), then nothing of the dataset is written", async () => {
    await loadDataset(runner, seed);
    const before = await snapshot();
    await read("CREATE CONSTRAINT test_claim_text_unique IF NOT EXISTS FOR (c:Claim) REQUIRE c.text IS UNIQUE");
    try {
      const progress: string[] = [];
      const error = await loadDataset(runner, fixture("write-conflict"), {
        progress: ({ step }) => progress.push(step),
      }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "QUERY_FAILED" });
      // Sources, passages, actors, forums and events had been written in the transaction before it failed.
      expect(progress).toEqual(expect.arrayContaining(["Passage", "Actor", "Event"]));
      expect(await snapshot()).toEqual(before);
    } finally {
      await read("DROP CONSTRAINT test_claim_text_unique IF EXISTS");
    }
  });

  test("when the loading process is killed mid-way, then the database is as it was before", async () => {
    await loadDataset(runner, fixture("valid"));
    const before = await snapshot();
    const { signal, output } = await killedLoad(seed, "{}", `p.step === "Claim"`);
    expect(signal, output).toBe("SIGKILL");
    expect(output).toMatch(/killed after \d+ rows/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("loadDataset: reloads", () => {
  test("when a record is removed from the files, then reloading removes it and keeps the rest", async () => {
    const dir = await copyOf(fixture("valid"));
    temp.push(dir);
    await loadDataset(runner, dir);
    await edit(
      path.join(dir, "claims.yaml"),
      "  - id: claim:vale-talks-productive",
      "  - id: claim:vale-talks-productive-renamed",
    );
    const result = await loadDataset(runner, dir);
    const ids = (await read("MATCH (c:Claim) RETURN c.id AS id ORDER BY id")).map((row) => row.id);
    expect(ids).toContain("claim:vale-talks-productive-renamed");
    expect(ids).not.toContain("claim:vale-talks-productive");
    expect(result.removed.nodes).toBe(1);
  });

  test("when two datasets share nodes, then reloading one without a node keeps it for the other", async () => {
    const other = await copyOf(fixture("valid"));
    temp.push(other);
    await edit(path.join(other, "manifest.yaml"), "id: fixture-minimal", "id: fixture-other");
    await loadDataset(runner, fixture("valid"));
    await loadDataset(runner, other);
    const shared = await read("MATCH (a:Actor {id: 'actor:jo-writer'}) RETURN a.datasets AS datasets");
    expect(shared[0]?.datasets).toEqual(["dataset:fixture-minimal", "dataset:fixture-other"]);

    // The other dataset drops the author: it no longer holds Jo Writer nor the AUTHORED_BY edge.
    await edit(path.join(other, "manifest.yaml"), "author: actor:jo-writer", "author: null");
    const actors = await readFile(path.join(other, "actors.yaml"), "utf8");
    await writeFile(
      path.join(other, "actors.yaml"),
      actors.replace(/ {2}- id: actor:jo-writer[\s\S]*?(?= {2}- id:)/, ""),
    );
    await loadDataset(runner, other);

    const after = await read("MATCH (a:Actor {id: 'actor:jo-writer'}) RETURN a.datasets AS datasets");
    expect(after[0]?.datasets).toEqual(["dataset:fixture-minimal"]);
    const authored = await read(
      "MATCH (:Source)-[r:AUTHORED_BY]->(:Actor {id: 'actor:jo-writer'}) RETURN r.datasets AS datasets",
    );
    expect(authored).toEqual([{ datasets: ["dataset:fixture-minimal"] }]);
  });
});

describe("loadSeedIfMissing", () => {
  test("when the database lacks the seed, then it is loaded; when it holds the same files, then nothing is written", async () => {
    const lines: string[] = [];
    const config = { LIAISON_SEED_DATASET: "data/seed" };
    expect(await loadSeedIfMissing(runner, config, (line) => lines.push(line))).toBe("loaded");
    expect(lines.join("\n")).toMatch(/Loaded dataset:moscow-beijing-2025/);
    const before = await snapshot();
    expect(await loadSeedIfMissing(runner, config, () => {})).toBe("present");
    expect(await snapshot()).toEqual(before);
    expect(await loadSeedIfMissing(runner, { LIAISON_SEED_DATASET: "none" }, () => {})).toBe("skipped");
  });

  test("when the database holds the seed as an older loader wrote it, then it is loaded again with what this loader derives", async () => {
    const config = { LIAISON_SEED_DATASET: "data/seed" };
    await loadSeedIfMissing(runner, config, () => {});
    // What a database loaded before search keys existed looks like.
    await read("MATCH (d:Dataset) REMOVE d.loaderVersion WITH count(*) AS n MATCH (a:Actor) REMOVE a.nameKeys");
    expect(await loadSeedIfMissing(runner, config, () => {})).toBe("loaded");
    const [lavrov] = await read("MATCH (a:Actor {id: 'actor:sergey-lavrov'}) RETURN a.nameKeys AS keys");
    expect(lavrov?.keys).toEqual(["sergey lavrov"]);
    expect(await loadSeedIfMissing(runner, config, () => {})).toBe("present");
  });
});
