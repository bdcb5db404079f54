import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bulkImport } from "../../server/dataset/bulk-import.js";
import { type PoolRules, projectMeetings } from "../../server/domain/met-projection.js";
import { autoCommit } from "../../server/domain/projections.js";
import { freePort, startBundledNeo4j } from "../../server/neo4j/bundled.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { generate } from "../../server/synth/generate.js";

/**
 * Thresholds small enough that `tiny` (a few thousand pairs) is past "everything": a few dozen
 * ranked actors, most with more ranked counterparts than `ties`, so the tie order decides.
 */
const SMALL: PoolRules = { actors: 40, ties: 3, all: 200 };

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-bulk-ranks-"));
  await generate({ size: "tiny", seed: 5, out: path.join(dir, "tiny") });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every actor's metRank and every MET's pool mark, as "<id>" → rank and "<a>|<b>" → pool. */
async function marks(driver: Driver) {
  const run = async (cypher: string) => (await driver.executeQuery(cypher)).records.map((r) => r.toObject());
  const ranks = await run("MATCH (a:Actor) WHERE a.metRank IS NOT NULL RETURN a.id AS id, a.metRank AS rank");
  const pool = await run("MATCH (a)-[r:MET]->(b) WHERE r.pool IS NOT NULL RETURN r.pair AS pair, r.pool AS pool");
  const [counts] = await run(
    `MATCH ()-[r:MET]->() WITH count(r) AS pairs
     MATCH (a:Actor) WHERE a.metRank IS NOT NULL
     RETURN pairs, max(COUNT { (a)-[:MET]-(b:Actor) WHERE b.metRank IS NOT NULL }) AS mostRankedTies`,
  );
  return {
    ranks: new Map(ranks.map((row) => [row.id as string, Number(row.rank)])),
    pool: new Map(pool.map((row) => [row.pair as string, Number(row.pool)])),
    pairs: Number(counts?.pairs),
    mostRankedTies: Number(counts?.mostRankedTies),
  };
}

describe("bulkImport: ranks and pool", () => {
  test("when the pool's thresholds are small (more pairs than `all`), then the ranks and pool marks the bulk load writes with MET are those project-ranks and project-pool set on the same graph with the same thresholds", async () => {
    const home = path.join(dir, "data", "neo4j");
    const result = await bulkImport(path.join(dir, "tiny"), {
      home,
      heap: "768m",
      pageCache: "64m",
      txMemory: "256m",
      pool: SMALL,
    });
    const steps = result.steps.map(({ step }) => step);
    expect(steps).not.toContain("MET ranks and pool");
    // The wait for the schema names its slowest statements and the last indexes online (applySchemaTimed).
    expect(steps.find((step) => step.startsWith("constraints and indexes"))).toMatch(
      /slowest: \w+ \d+\.\d s.*; last online: \w+ \d+\.\d s/,
    );
    const neo4j = await startBundledNeo4j({
      home,
      boltPort: await freePort(),
      heap: "768m",
      pageCache: "64m",
      readyTimeoutMs: 300_000,
    });
    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      const byBulk = await marks(driver);
      expect(byBulk.pairs).toBeGreaterThan(SMALL.all);
      expect(byBulk.ranks.size).toBe(SMALL.actors);
      expect(byBulk.mostRankedTies).toBeGreaterThan(SMALL.ties);

      const cypher = await projectMeetings(autoCommit(new QueryRunner(driver, undefined, 60_000)), {
        projected: { actors: 0, pairs: byBulk.pairs },
        pool: SMALL,
      });
      const byCypher = await marks(driver);
      expect(byCypher.ranks.size).toBe(SMALL.actors);
      expect(byCypher.pool.size).toBeGreaterThan(SMALL.actors);
      expect(cypher.pooled).toBeGreaterThan(byCypher.pool.size);
      expect(byBulk.ranks).toEqual(byCypher.ranks);
      expect(byBulk.pool).toEqual(byCypher.pool);
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 600_000);
});
