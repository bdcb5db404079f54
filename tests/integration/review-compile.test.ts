import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { DatasetInvalidError } from "../../server/dataset/validate.js";
import { meetings } from "../../server/domain/meetings.js";
import { provenance } from "../../server/domain/nodes.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import {
  type CompiledDataset,
  type CompileInput,
  compileDraft,
  type ExistingNode,
  referencedIds,
} from "../../server/review/compile.js";
import { loadCompiled, validateCompiled } from "../../server/review/dataset-files.js";
import { readRows, resetGraph, testDriver, testRunner } from "../support/neo4j.js";
import { DRAFT, decide, input as inputWithSeedNodes, reviewed } from "../support/review-draft.js";

const seed = path.resolve(import.meta.dirname, "../../data/seed");
let driver: Driver;
let runner: QueryRunner;

const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);
const everything = async () => ({
  nodes: await read("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id"),
  rels: await read(
    "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props ORDER BY from, type, to, r.title",
  ),
});
const sourcesOf = async (id: string) =>
  [...new Set((await provenance(runner, id)).evidence.map((item) => item.source.id))].sort();
const metWith = async () =>
  (
    await meetings(runner, {
      actor: "actor:wang-yi",
      with: "actor:sergey-lavrov",
      limit: 10,
      offset: 0,
      eventsLimit: 100,
      eventsOffset: 0,
    })
  ).counterparts[0]?.events ?? [];

/** The compile input with the existing nodes looked up in the graph, as the review endpoints do. */
async function input(decisions: Parameters<typeof inputWithSeedNodes>[0]): Promise<CompileInput> {
  const base = inputWithSeedNodes(decisions);
  const rows = await read(
    "MATCH (n:Actor|Forum|Event|Claim) WHERE n.id IN $ids RETURN n.id AS id, [l IN labels(n) WHERE l IN ['Actor', 'Forum', 'Event', 'Claim']][0] AS label, n.name AS name, [d IN n.datasets | substring(d, 8)] AS datasets",
    { ids: referencedIds(base) },
  );
  return { ...base, existing: new Map(rows.map((row) => [String(row.id), row as unknown as ExistingNode])) };
}
const compile = async (decisions: Parameters<typeof inputWithSeedNodes>[0]): Promise<CompiledDataset> =>
  compileDraft(await input(decisions));

// The seed is loaded once; the tests run in order on it (a failed commit, then two commits of the draft).
beforeAll(async () => {
  driver = testDriver();
  runner = testRunner(driver);
  await resetGraph(driver);
  await loadDataset(runner, seed, { timeoutMs: 240_000 });
});

afterAll(async () => {
  await driver?.close();
});

describe("validateCompiled and loadCompiled", () => {
  test("when an edit names a node the graph lacks, then the problem has its file and line, and a load writes nothing", async () => {
    const decisions = [
      ...reviewed().filter((d) => d.proposal !== "p6"),
      decide("p6", "accept", null, { participants: ["actor:wang-yi", "actor:nobody-known"] }),
    ];
    const compiled = await compile(decisions);
    const problems = await validateCompiled(runner, compiled);
    expect(problems).toEqual([
      expect.objectContaining({
        code: "DANGLING_REFERENCE",
        file: "events.yaml",
        path: "events[0].participants[1].actor",
        line: expect.any(Number),
      }),
    ]);
    const before = await everything();
    await expect(loadCompiled(runner, compiled)).rejects.toBeInstanceOf(DatasetInvalidError);
    expect(await everything()).toEqual(before);
  });

  test("when the reviewed draft is committed, then its new meeting of the seed's ministers is in who-met-whom with its passage", async () => {
    const compiled = await compile(reviewed());
    expect(await validateCompiled(runner, compiled)).toEqual([]);
    const result = await loadCompiled(runner, compiled);
    expect(result.datasetId).toBe(`dataset:${compiled.datasetId}`);
    const [event] = compiled.adds.events;
    const listed = (await metWith()).find((e) => e.id === event?.id);
    expect(listed?.evidence[0]?.source.id).toBe(compiled.sourceId);
    expect(listed?.evidence[0]?.passage.exact).toBe("Wang Yi met Russian Foreign Minister Sergey Lavrov");
    // Rejected: not in the graph.
    expect(await read("MATCH (n) WHERE n.name CONTAINS 'Carnegie' RETURN n.id AS id")).toEqual([]);
  }, 120_000);

  test("when it is committed again with the meeting linked to the seed's event, then that event has evidence from both sources and the new event is gone", async () => {
    const first = await compile(reviewed());
    const decisions = [
      ...reviewed().filter((d) => d.proposal !== "p6"),
      decide("p6", "accept", "event:wang-yi-lavrov-meetings"),
    ];
    const compiled = await compile(decisions);
    expect(compiled.datasetId).toBe(first.datasetId);
    // The nodes its first commit created are its own: the same ids again, nothing suffixed.
    expect(compiled.adds.actors.map((a) => a.id)).toEqual(first.adds.actors.map((a) => a.id));
    expect(await validateCompiled(runner, compiled)).toEqual([]);
    await loadCompiled(runner, compiled);

    expect(await sourcesOf("event:wang-yi-lavrov-meetings")).toEqual([
      compiled.sourceId,
      "source:moscow-beijing-no-limits-partnership",
    ]);
    const gone = first.adds.events[0]?.id;
    expect(await read("MATCH (e:Event {id: $id}) RETURN e.id AS id", { id: gone })).toEqual([]);
    expect((await metWith()).map((e) => e.id)).not.toContain(gone);
    expect(await read("MATCH (s:Source) WHERE s.id = $id RETURN s.title AS title", { id: compiled.sourceId })).toEqual([
      { title: DRAFT.title },
    ]);
  });
});
