import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { DatasetInvalidError } from "../../server/dataset/validate.js";
import { meetings } from "../../server/domain/meetings.js";
import { provenance } from "../../server/domain/nodes.js";
import type { LiaisonError } from "../../server/lib/errors.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { readRows, resetGraph, testDriver, testRunner } from "../support/neo4j.js";

const root = path.resolve(import.meta.dirname, "../..");
const seed = path.join(root, "data/seed");
const fixture = (name: string) => path.join(root, "tests/fixtures/datasets", name);
const SEED = "dataset:moscow-beijing-2025";
const MINSK = "dataset:fixture-builds-on-seed";

let driver: Driver;
let runner: QueryRunner;
const temp: string[] = [];

const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);

/**
 * The seed's own nodes and relationships with every property: what a dataset built on it must never
 * change. Only what the who-met-whom projection derives from all datasets together (an actor's
 * `meetings` and `metRank`) is left out.
 */
async function seedSnapshot() {
  const nodes = await read(
    "MATCH (n) WHERE $seed IN n.datasets RETURN labels(n) AS labels, n {.*, meetings: null, metRank: null} AS props ORDER BY n.id",
    { seed: SEED },
  );
  const rels = await read(
    "MATCH (a)-[r]->(b) WHERE $seed IN r.datasets RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.title",
    { seed: SEED },
  );
  return { nodes, rels };
}

async function everything() {
  const nodes = await read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id");
  const rels = await read(
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.title",
  );
  return { nodes, rels };
}

async function copyOf(folder: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-builds-on-"));
  temp.push(dir);
  await cp(folder, dir, { recursive: true });
  return dir;
}

const sourcesOf = async (id: string) =>
  [...new Set((await provenance(runner, id)).evidence.map((item) => item.source.id))].sort();

async function invalid(load: Promise<unknown>): Promise<DatasetInvalidError> {
  const error = await load.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DatasetInvalidError);
  return error as DatasetInvalidError;
}

beforeAll(() => {
  driver = testDriver();
  runner = testRunner(driver);
});

afterAll(async () => {
  await Promise.all(temp.map((dir) => rm(dir, { recursive: true, force: true })));
  await driver?.close();
});

// The seed is loaded once (a load takes seconds); the tests below run in order on that graph,
// each leaving it as the next one expects: first a broken dataset that writes nothing, then the one
// that builds on the seed, loaded, reloaded with less and whole again, the seed intact throughout.
describe("loadDataset of a dataset that requires the seed", () => {
  let before: Awaited<ReturnType<typeof seedSnapshot>>;
  beforeAll(async () => {
    await resetGraph(driver);
    await loadDataset(runner, seed, { timeoutMs: 240_000 });
    before = await seedSnapshot();
  });

  test("when it names a missing id, a dataset not loaded and an id the seed defines, then each is a problem with file:line and nothing is written", async () => {
    const graphBefore = await everything();
    const error = await invalid(loadDataset(runner, fixture("builds-on-seed-broken")));
    expect(error.code).toBe("DATASET_INVALID");
    expect(error.problems.map(({ code, file, line, path: at }) => ({ code, file, line, path: at }))).toEqual([
      { code: "REQUIRED_DATASET_MISSING", file: "manifest.yaml", line: 7, path: "requires[1]" },
      { code: "DUPLICATE_ID", file: "actors.yaml", line: 17, path: "actors[2].id" },
      { code: "DANGLING_REFERENCE", file: "events.yaml", line: 9, path: "events[0].participants[1].actor" },
    ]);
    expect(error.problems[2]?.message).toContain("actor:nobody-known");
    expect(await everything()).toEqual(graphBefore);
  });

  test("when it links to the seed's ministers and adds evidence to a seed event, then that event has evidence from both sources and the seed is unchanged", async () => {
    const result = await loadDataset(runner, fixture("builds-on-seed"));
    expect(result.nodes.Actor).toBe(2); // its own two; the seed's ministers are referred to, not copied

    expect(await sourcesOf("event:wang-yi-lavrov-meetings")).toEqual([
      "source:lavrov-wang-talks-in-minsk",
      "source:moscow-beijing-no-limits-partnership",
    ]);
    expect(await read("MATCH (e:Event {id: 'event:wang-yi-lavrov-meetings'}) RETURN count(e) = 1 AS one")).toEqual([
      { one: true },
    ]);
    // The new meeting joins the seed's ministers, and who-met-whom (MET) was refreshed with it.
    const met = await meetings(runner, {
      actor: "actor:wang-yi",
      with: "actor:sergey-lavrov",
      limit: 10,
      offset: 0,
      eventsLimit: 100,
      eventsOffset: 0,
    });
    const minsk = met.counterparts[0]?.events.find((e) => e.id === "event:wang-yi-lavrov-minsk-2025-03");
    expect(minsk?.evidence[0]?.source.id).toBe("source:lavrov-wang-talks-in-minsk");
    const [pair] = await read(
      "MATCH (:Actor {id: 'actor:wang-yi'})-[m:MET]-(:Actor {id: 'actor:sergey-lavrov'}) RETURN m.events AS events",
    );
    expect(pair?.events).toContain("event:wang-yi-lavrov-minsk-2025-03");

    expect(await seedSnapshot()).toEqual(before);
  }, 120_000);

  test("when it is loaded again with less, then what it no longer holds is gone, on its own nodes and on the seed's", async () => {
    const evidenced = () =>
      read(
        "MATCH (n {id: $id})-[r:EVIDENCED_BY]->(p:Passage) WHERE p.sourceId = 'source:lavrov-wang-talks-in-minsk' RETURN p.exact AS exact, r.datasets AS datasets",
        { id: "actor:wang-yi" },
      );
    expect(await evidenced()).toEqual([{ exact: "Chinese Foreign Minister Wang Yi", datasets: [MINSK] }]);

    // The same dataset without the claim and without the evidence of actor:wang-yi.
    const dir = await copyOf(fixture("builds-on-seed"));
    await writeFile(path.join(dir, "claims.yaml"), "claims: []\n");
    const evidence = await readFile(path.join(dir, "evidence.yaml"), "utf8");
    await writeFile(path.join(dir, "evidence.yaml"), evidence.slice(0, evidence.indexOf("  - of: actor:wang-yi")));
    const result = await loadDataset(runner, dir);

    expect(result.removed.nodes).toBeGreaterThan(0);
    expect(await evidenced()).toEqual([]);
    expect(await read("MATCH (c:Claim {id: 'claim:minsk-talks-ukraine-trade'}) RETURN c")).toEqual([]);
    expect(
      await read(
        "MATCH (p:Passage {sourceId: 'source:lavrov-wang-talks-in-minsk'}) WHERE NOT (p)<-[:EVIDENCED_BY]-() RETURN p.id AS id",
      ),
    ).toEqual([]);
    expect(await sourcesOf("event:wang-yi-lavrov-meetings")).toHaveLength(2);
    expect(await seedSnapshot()).toEqual(before);

    // And loaded whole again, it is back as the first load left it.
    await loadDataset(runner, fixture("builds-on-seed"));
    expect(await evidenced()).toHaveLength(1);
  });

  test("when the seed itself is loaded again, then the dataset built on it keeps its links and evidence", async () => {
    const links = () =>
      read(
        "MATCH (a)-[r]->(b) WHERE $minsk IN r.datasets RETURN a.id AS from, type(r) AS type, b.id AS to ORDER BY from, type, to",
        { minsk: MINSK },
      );
    const held = await links();
    expect(held.length).toBeGreaterThan(0);
    await loadDataset(runner, seed, { timeoutMs: 240_000 });
    expect(await links()).toEqual(held);
    expect(await sourcesOf("event:wang-yi-lavrov-meetings")).toHaveLength(2);
  }, 120_000);

  test("when it is to be streamed, then the loader refuses with a clear error and writes nothing", async () => {
    const graphBefore = await everything();
    const error = (await loadDataset(runner, fixture("builds-on-seed"), { mode: "streaming" }).catch(
      (failure: unknown) => failure,
    )) as LiaisonError;
    expect(error.code).toBe("DATASET_LOAD_FAILED");
    expect(error.message).toMatch(/builds on others/);
    expect(await everything()).toEqual(graphBefore);
  });
});

describe("loadDataset of a dataset that requires a dataset the graph lacks", () => {
  test("when the required dataset is not loaded, then it says so and nothing is written", async () => {
    await resetGraph(driver);
    const error = await invalid(loadDataset(runner, fixture("builds-on-seed")));
    expect(error.problems.map((p) => p.code)).toContain("REQUIRED_DATASET_MISSING");
    expect(error.problems.filter((p) => p.code === "DANGLING_REFERENCE").map((p) => p.path)).toContain(
      "events[0].participants[0].actor",
    );
    expect(await read("MATCH (n) RETURN count(n) = 0 AS empty")).toEqual([{ empty: true }]);
  });
});
