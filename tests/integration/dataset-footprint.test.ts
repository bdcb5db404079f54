import { rm } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { autoCommit, refreshProjections } from "../../server/domain/projections.js";
import { readRows, resetGraph, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";
import {
  derived,
  emptied,
  loneActor,
  planOf,
  RecordingRunner,
  richerFixture,
  scans,
  withoutEvent,
} from "./footprint-helpers.js";

const root = path.resolve(import.meta.dirname, "../..");
const seed = path.join(root, "data/seed");
const DATASET = "dataset:fixture-builds-on-seed";

let driver: Driver;
let dir: string;
const temp: string[] = [];

/**
 * Loads `folder` with a runner that records what the load runs; then checks that nothing it ran
 * reads a whole label or every relationship, and that what it derived equals what a full rebuild
 * (refreshProjections) derives from the same graph. Returns the two dumps' differences to assert on.
 */
async function loadAndCompare(folder: string) {
  const recording = new RecordingRunner(driver, testNeo4j().database, 10_000);
  await loadDataset(recording, folder);
  const incremental = await derived(driver);

  const names = recording.calls.map((call) => call.name);
  expect(names).not.toContain("dataset/retract");
  expect(names).not.toContain("dataset/prune");
  expect(names).not.toContain("projection/dates");
  for (const call of recording.calls.filter((c) => c.name === "meetings/project-batch"))
    expect((call.params as { actors: unknown }).actors).not.toBeNull();
  for (const call of recording.calls)
    expect(scans(await planOf(driver, call.name, call.params)), call.name).toEqual([]);

  await refreshProjections(autoCommit(testRunner(driver)));
  const full = await derived(driver);
  expect(incremental.met).toEqual(full.met);
  expect(incremental.actors).toEqual(full.actors);
  expect(incremental.dates).toEqual(full.dates);
  // The longest span of each span class is kept as an upper bound (projection/dates-merge): never
  // shorter than a rebuild's, and no class a rebuild finds is missing.
  for (const [kind, spans] of full.spans.entries())
    for (const [c, span] of spans.entries()) expect(incremental.spans[kind]?.[c]).toBeGreaterThanOrEqual(span);
  return { incremental, full };
}

const pair = async (a: string, b: string) =>
  (
    await readRows(driver, "MATCH (:Actor {id: $a})-[m:MET]->(:Actor {id: $b}) RETURN toFloat(m.count) AS n", { a, b })
  )[0]?.n;

beforeAll(async () => {
  driver = testDriver();
  dir = await richerFixture(path.join(root, "tests/fixtures/datasets/builds-on-seed"), temp);
  await resetGraph(driver);
  await loadDataset(testRunner(driver), seed, { timeoutMs: 240_000 });
}, 240_000);

afterAll(async () => {
  await Promise.all(temp.map((folder) => rm(folder, { recursive: true, force: true })));
  await driver?.close();
});

// In order, on one graph: the seed is loaded (a full rebuild), then a dataset built on it is
// loaded, reloaded with a meeting removed, and emptied; each load updates only what it touched.
describe("loadDataset of a small dataset onto a loaded graph", () => {
  test("when it adds meetings and an aggregate claim, then MET, ranks, pool and dates equal a full rebuild and nothing was scanned", async () => {
    const lavrovWang = await pair("actor:sergey-lavrov", "actor:wang-yi");
    const { incremental } = await loadAndCompare(dir);
    expect(await pair("actor:sergey-lavrov", "actor:wang-yi")).toBe(Number(lavrovWang) + 2);
    expect(await pair("actor:maxim-ryzhenkov", "actor:wang-yi")).toBe(1);
    expect(incremental.dates.months).toEqual(expect.arrayContaining(["1961-05", "1940-06", "1994-02"]));
    const [footprint] = await readRows(
      driver,
      "MATCH (d:Dataset {id: $id}) RETURN d.footprintNodes AS nodes, size(d.footprintFrom) AS links",
      { id: DATASET },
    );
    expect(footprint?.nodes).toEqual(expect.arrayContaining(["event:minsk-dinner", "actor:maxim-ryzhenkov"]));
    expect(Number(footprint?.links)).toBeGreaterThan(0);
  }, 120_000);

  test("when it is reloaded without a meeting, then that meeting's pairs, months and counts are gone as a rebuild has them", async () => {
    await withoutEvent(dir, "event:minsk-dinner");
    const { incremental, full } = await loadAndCompare(dir);
    expect(await pair("actor:maxim-ryzhenkov", "actor:wang-yi")).toBeUndefined();
    expect(incremental.dates.months).not.toContain("1940-06");
    expect(incremental.dates.months).toContain("1961-05");
    // The dinner held the longest event span of its class: the stored one stays longer than a rebuild's.
    const longer = (incremental.spans[0] ?? []).filter((span, c) => span > (full.spans[0]?.[c] ?? -1));
    expect(longer).not.toEqual([]);
  }, 120_000);

  test("when it is emptied, then none of its meetings, claims or months remain in what is derived", async () => {
    await emptied(dir);
    const { incremental } = await loadAndCompare(dir);
    expect(incremental.dates.months).not.toContain("1961-05");
    expect(await readRows(driver, "MATCH (n {id: 'actor:maxim-ryzhenkov'}) RETURN n")).toEqual([]);
  }, 120_000);

  test("when it touches no ranked actor and leaves the ranking as it was, then the pool is kept and still equals a rebuild's", async () => {
    const recording = new RecordingRunner(driver, testNeo4j().database, 10_000);
    await loadDataset(recording, await loneActor(path.join(root, "tests/fixtures/datasets/builds-on-seed"), temp));
    const names = recording.calls.map((call) => call.name);
    expect(names).toContain("meetings/project-ranks");
    expect(names).not.toContain("meetings/project-pool");
    const incremental = await derived(driver);
    expect(incremental.actors).toContainEqual({ id: "actor:lone-host", meetings: expect.anything(), metRank: null });
    await refreshProjections(autoCommit(testRunner(driver)));
    const full = await derived(driver);
    expect(incremental.met).toEqual(full.met);
    expect(incremental.actors).toEqual(full.actors);
  }, 120_000);

  test("when the dataset was loaded without a footprint (streaming or bulk), then the reload scans for it and rebuilds", async () => {
    const folder = await richerFixture(path.join(root, "tests/fixtures/datasets/builds-on-seed"), temp);
    await loadDataset(testRunner(driver), folder);
    await readRows(driver, "MATCH (d:Dataset {id: $id}) REMOVE d.footprintNodes, d.footprintFrom, d.footprintTo", {
      id: DATASET,
    });
    await withoutEvent(folder, "event:minsk-dinner");
    const recording = new RecordingRunner(driver, testNeo4j().database, 10_000);
    await loadDataset(recording, folder);
    const names = recording.calls.map((call) => call.name);
    expect(names).toContain("dataset/retract");
    expect(names).toContain("projection/dates");
    expect(await pair("actor:maxim-ryzhenkov", "actor:wang-yi")).toBeUndefined();
    const after = await derived(driver);
    await refreshProjections(autoCommit(testRunner(driver)));
    expect(after).toEqual(await derived(driver));
  }, 120_000);
});
