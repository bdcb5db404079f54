import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { MEETING_KINDS } from "../../server/domain/met-projection.js";
import { ensureProjections, projectionState } from "../../server/domain/projections.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { generate } from "../../server/synth/generate.js";
import { readRows, resetGraph, testDriver, testRunner } from "../support/neo4j.js";
import { coParticipation } from "./paging-helpers.js";

let folder: string;
let driver: Driver;
let runner: QueryRunner;

const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);

/** Every MET relationship as "<a>|<b>" → its count and sampled events, checking each is stored once, smaller id first. */
async function projected(): Promise<Map<string, { count: number; events: string[] }>> {
  const rows = await read(
    "MATCH (a:Actor)-[r:MET]->(b:Actor) RETURN a.id AS a, b.id AS b, r.pair AS pair, r.count AS count, r.events AS events",
  );
  for (const row of rows) {
    expect(String(row.a) < String(row.b)).toBe(true);
    expect(row.pair).toBe(`${row.a}|${row.b}`);
  }
  const map = new Map(
    rows.map((row) => [String(row.pair), { count: Number(row.count), events: row.events as string[] }]),
  );
  expect(map.size).toBe(rows.length);
  return map;
}

/** MET holds exactly the pairs who met, each with its number of shared meetings and its latest events. */
async function expectProjectionMatchesGraph(): Promise<number> {
  const expected = await coParticipation(driver, MEETING_KINDS);
  const actual = await projected();
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [pair, { events }] of expected) {
    expect(actual.get(pair)?.count, pair).toBe(events.length);
    expect(actual.get(pair)?.events, pair).toEqual(events.slice(-10));
  }
  return expected.size;
}

/** Removes the events no claim or other event refers to, up to `most`, from a generated events.yaml; returns their ids. */
async function removeUnreferencedEvents(dir: string, most: number): Promise<string[]> {
  const file = path.join(dir, "events.yaml");
  const [head, ...items] = (await readFile(file, "utf8")).split(/^(?= {2}- id: )/m);
  const claims = await readFile(path.join(dir, "claims.yaml"), "utf8");
  const removed: string[] = [];
  const kept = items.filter((item) => {
    const id = /- id: "([^"]+)"/.exec(item)?.[1] as string;
    const meeting = MEETING_KINDS.some((kind) => item.includes(`kind: "${kind}"`));
    const referenced = claims.includes(`"${id}"`) || items.some((other) => other !== item && other.includes(`"${id}"`));
    if (removed.length < most && meeting && !referenced) {
      removed.push(id);
      return false;
    }
    return true;
  });
  await writeFile(file, [head, ...kept].join(""));
  return removed;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), "liaison-met-"));
  await generate({ size: "tiny", seed: 9, out: folder });
  driver = testDriver();
  runner = testRunner(driver);
  await resetGraph(driver);
}, 120_000);
afterAll(async () => {
  await driver?.close();
  await rm(folder, { recursive: true, force: true });
});

describe("the MET projection", () => {
  test("when a dataset is loaded, then MET holds each pair's shared meetings; when a reload removes events, then MET follows", async () => {
    await loadDataset(runner, folder, { timeoutMs: 240_000 });
    const pairsBefore = await expectProjectionMatchesGraph();
    expect(pairsBefore).toBeGreaterThan(300);
    expect((await projectionState(runner)).current).toBe(true);

    const removed = await removeUnreferencedEvents(folder, 40);
    expect(removed.length).toBe(40);
    const result = await loadDataset(runner, folder, { timeoutMs: 240_000 });
    expect(result.removed.nodes).toBeGreaterThanOrEqual(40);
    const [left] = await read("MATCH (e:Event) WHERE e.id IN $ids RETURN count(e) AS n", { ids: removed });
    expect(Number(left?.n)).toBe(0);
    const pairsAfter = await expectProjectionMatchesGraph();
    expect(pairsAfter).toBeLessThan(pairsBefore);
  }, 300_000);

  test("when a load was not followed by a rebuild, then start-up rebuilds MET from the graph", async () => {
    // What a database loaded before MET existed, or a rebuild cut short, looks like.
    await read("MATCH ()-[r:MET]->() DELETE r");
    await read("MATCH (p:Projection) SET p.state = 'building'");
    expect((await projectionState(runner)).current).toBe(false);
    const lines: string[] = [];
    expect(await ensureProjections(runner, (line) => lines.push(line))).toBe(true);
    expect(lines.join("\n")).toMatch(/pairs who met/);
    await expectProjectionMatchesGraph();
    expect(await ensureProjections(runner, () => {})).toBe(false);
  }, 120_000);

  test("when the derived data is of an older version whose MET is today's, then start-up keeps MET and makes the rest again; when its MET is older, then MET is rebuilt too", async () => {
    // A projection built complete by version 2 (before MET had a version of its own) from the
    // datasets held now, its first rings and dates summary gone: MET is marked so that a rebuild
    // of it would show.
    const olderVersion = async (metVersion: number | null) => {
      await read("MATCH ()-[r:MET]->() SET r.kept = true");
      await read("MATCH (ring:FirstRing) DELETE ring");
      await read(
        "MATCH (p:Projection) SET p.version = 2, p.metVersion = $metVersion, p.months = null, p.eventSpanDays = null",
        { metVersion },
      );
      expect((await projectionState(runner)).current).toBe(false);
    };
    const kept = async () => Number((await read("MATCH ()-[r:MET]->() WHERE r.kept RETURN count(r) AS n"))[0]?.n);
    const pairs = Number((await read("MATCH ()-[r:MET]->() RETURN count(r) AS n"))[0]?.n);

    await olderVersion(null);
    const lines: string[] = [];
    expect(await ensureProjections(runner, (line) => lines.push(line))).toBe(true);
    expect(lines.join("\n")).toMatch(/who met whom is kept/);
    expect(await kept()).toBe(pairs);
    const state = await projectionState(runner);
    expect(state.current).toBe(true);
    expect(state.dates?.months.length).toBeGreaterThan(0);
    await expectProjectionMatchesGraph();

    await olderVersion(1);
    expect(await ensureProjections(runner, () => {})).toBe(true);
    expect(await kept()).toBe(0);
    await expectProjectionMatchesGraph();
    expect(await ensureProjections(runner, () => {})).toBe(false);
  }, 120_000);
});
