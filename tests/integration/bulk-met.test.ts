import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { main } from "../../server/cli/load.js";
import { loadDataset } from "../../server/dataset/load.js";
import { MEETING_KINDS } from "../../server/domain/met-projection.js";
import { projectRoot } from "../../server/lib/project-root.js";
import { freePort, startBundledNeo4j } from "../../server/neo4j/bundled.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { resetGraph, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";

let dir: string;
let folder: string;
let testDb: Driver;

/**
 * The seed with the date of every other meeting-like event removed: pairs who only met
 * undated (empty years, no first/last) and pairs who met both ways, which the seed alone lacks.
 */
async function seedWithUndatedMeetings(out: string): Promise<void> {
  await cp(path.join(projectRoot, "data/seed"), out, { recursive: true });
  const file = path.join(out, "events.yaml");
  const [head, ...items] = (await readFile(file, "utf8")).split(/^(?= {2}- id: )/m);
  let meetings = 0;
  const edited = items.map((item) => {
    const meeting = MEETING_KINDS.some((kind) => new RegExp(`^ {4}kind: "?${kind}"?$`, "m").test(item));
    if (!meeting || meetings++ % 2 === 1) return item;
    return item.replace(/^ {4}date:.*\n(?: {6,}.*\n)*/m, "");
  });
  await writeFile(file, [head, ...edited].join(""));
}

/** Every MET with each property and its Cypher type, and each actor's meetings and rank. */
async function derived(driver: Driver, database?: string) {
  const run = async (cypher: string) =>
    (await driver.executeQuery(cypher, {}, database ? { database } : {})).records.map((r) =>
      JSON.stringify(r.toObject()),
    );
  return {
    met: await run(
      "MATCH (a:Actor)-[r:MET]->(b:Actor) WITH a, b, r, keys(r) AS ks UNWIND ks AS k WITH a, b, k, r ORDER BY k " +
        "RETURN a.id AS a, b.id AS b, collect([k, valueType(r[k]), r[k]]) AS props ORDER BY a, b",
    ),
    actors: await run(
      "MATCH (a:Actor) RETURN a.id AS id, a.meetings AS meetings, valueType(a.meetings) AS type, a.metRank AS rank ORDER BY id",
    ),
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-bulk-met-"));
  folder = path.join(dir, "seed-undated");
  await seedWithUndatedMeetings(folder);
  testDb = testDriver();
});

afterAll(async () => {
  await testDb?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("npm run load -- --bulk: who met whom", () => {
  test("when some pairs met only at undated meetings and others at dated and undated ones, then the bulk load's MET and meetings equal the one-transaction load's, type for type", async () => {
    await resetGraph(testDb);
    await loadDataset(testRunner(testDb), folder, { mode: "transaction", timeoutMs: 240_000 });
    const byTransaction = await derived(testDb, testNeo4j().database);
    expect(byTransaction.met.some((row) => row.includes('["years","LIST<NOTHING> NOT NULL",[]]'))).toBe(true);
    expect(byTransaction.met.some((row) => row.includes('"undated"') && row.includes('"first"'))).toBe(true);

    const dataDir = path.join(dir, "data");
    const env = {
      ...process.env,
      NEO4J_URI: "",
      LIAISON_DATA_DIR: dataDir,
      LIAISON_NEO4J_BOLT_PORT: String(await freePort()),
      LIAISON_NEO4J_HEAP: "768m",
      LIAISON_NEO4J_PAGE_CACHE: "64m",
      LIAISON_NEO4J_TX_MEMORY: "256m",
    };
    expect(await main([folder, "--bulk"], env)).toBe(0);
    const neo4j = await startBundledNeo4j({
      home: path.join(dataDir, "neo4j"),
      boltPort: await freePort(),
      heap: "768m",
      pageCache: "64m",
      readyTimeoutMs: 300_000,
    });
    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      expect(await derived(driver)).toEqual(byTransaction);
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 600_000);
});
