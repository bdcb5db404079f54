import type { Driver } from "neo4j-driver";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import {
  type GraphRows,
  NODE_LABELS,
  type NodeLabel,
  REL_ENDS,
  REL_TYPES,
  type RelRow,
  type RelType,
} from "../../server/dataset/graph-model.js";
import { writeRows } from "../../server/dataset/load.js";
import { allCypherNames, cypher } from "../../server/neo4j/cypher-files.js";
import type { QueryRunner } from "../../server/neo4j/query-runner.js";
import { readRows, resetGraph, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";

let driver: Driver;
let runner: QueryRunner;

beforeEach(async () => {
  driver ??= testDriver();
  runner ??= testRunner(driver);
  await resetGraph(driver);
});

afterAll(async () => {
  await driver?.close();
});

/** Two nodes of every label: `<label>:1` and `<label>:2`. */
const idOf = (label: NodeLabel, n = 1) => `${label.toLowerCase()}:${n}`;

/** A dataset of two nodes per label and the given relationships (every type by default, each between its first allowed labels). */
function graph(relationships: Partial<Record<RelType, RelRow[]>> = defaultRelationships()): GraphRows {
  const nodes = {} as GraphRows["nodes"];
  for (const label of NODE_LABELS) {
    nodes[label] = [1, 2].map((n) => ({ id: idOf(label, n), props: { id: idOf(label, n), name: `${label} ${n}` } }));
  }
  const rels = Object.fromEntries(
    REL_TYPES.map((type) => [type, relationships[type] ?? []]),
  ) as GraphRows["relationships"];
  return {
    dataset: { id: "dataset:merge-test", props: { id: "dataset:merge-test", name: "merge test", checksum: "x" } },
    nodes,
    relationships: rels,
  };
}

function defaultRelationships(): Partial<Record<RelType, RelRow[]>> {
  return Object.fromEntries(
    REL_TYPES.map((type) => {
      const from = idOf(REL_ENDS[type].from[0] as NodeLabel, 1);
      const to = idOf(REL_ENDS[type].to[0] as NodeLabel, 2);
      // A keyed type holds one relationship per key value between the same ends.
      const key = REL_ENDS[type].key;
      const props = key ? [{ [key]: "adviser" }, { [key]: "envoy" }] : [{}];
      return [type, props.map((p) => ({ from, to, props: p }))];
    }),
  );
}

/** The loader's own check failed (it is rethrown as an internal error, the check's message as its cause). */
async function expectNotAllWritten(load: Promise<unknown>) {
  const error = await load.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(Error);
  const { message, cause } = error as Error;
  expect(cause instanceof Error ? cause.message : message).toMatch(/not all written/);
}

const keyProps = (type: RelType) => {
  const key = REL_ENDS[type].key;
  return key ? { [key]: "t" } : {};
};

const relationshipsInGraph = () =>
  readRows(
    driver,
    "MATCH (a)-[r]->(b) WHERE r.datasets IS NOT NULL RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props",
  ).then((rows) => sorted(rows as { type: string; props: unknown }[]));

/** Rows in a stable order: by type, then by properties. */
const sorted = <Row extends { type: string; props: unknown }>(rows: Row[]) =>
  rows.sort((a, b) => a.type.localeCompare(b.type) || JSON.stringify(a.props).localeCompare(JSON.stringify(b.props)));

/** Operator names of a plan tree, without the runtime suffix ("NodeUniqueIndexSeek(Locking)@neo4j" → "NodeUniqueIndexSeek(Locking)"). */
function operators(plan: { operatorType: string; children: unknown[] }): string[] {
  const children = plan.children as { operatorType: string; children: unknown[] }[];
  return [plan.operatorType.replace(/@.*$/, ""), ...children.flatMap(operators)];
}

describe("the loader's merge queries (cypher/dataset/merge-*)", () => {
  // On an empty graph (the first load, when plans are compiled and then cached for every batch):
  // a dynamic label or type plans a scan here, which is why the files are one per label and type.
  test("when each is planned on an empty graph, then it finds nodes by an id-constraint seek and scans nothing", async () => {
    const params = {
      rows: [{ id: "a", from: "a", to: "b", props: { id: "a", title: "t" } }],
      dataset: "dataset:x",
      props: { id: "dataset:x" },
    };
    const names = allCypherNames().filter((name) => name.startsWith("dataset/merge-"));
    expect(names.length).toBeGreaterThan(0);
    const session = driver.session({ database: testNeo4j().database });
    try {
      for (const name of names) {
        const { summary } = await session.run(`EXPLAIN ${cypher(name)}`, params);
        const ops = operators(summary.plan as { operatorType: string; children: unknown[] });
        expect(
          ops.filter((op) => /Scan/.test(op)),
          name,
        ).toEqual([]);
        expect(
          ops.some((op) => op.startsWith("NodeUniqueIndexSeek")),
          name,
        ).toBe(true);
      }
    } finally {
      await session.close();
    }
  });

  test("when every relationship type is written between its own labels, then each is in the graph once; loading again changes nothing", async () => {
    const expected = sorted(
      REL_TYPES.flatMap((type) =>
        (defaultRelationships()[type] ?? []).map((row) => ({
          type,
          from: row.from,
          to: row.to,
          props: { ...row.props, datasets: ["dataset:merge-test"] },
        })),
      ),
    );
    await writeRows(runner, graph());
    expect(await relationshipsInGraph()).toEqual(expected);
    await writeRows(runner, graph());
    expect(await relationshipsInGraph()).toEqual(expected);
  }, 120_000); // the first load into a fresh Neo4j compiles every query: slow on a busy machine

  // Every type, with a from-end whose label the type does not allow (the label exists, so the
  // id seek finds a node): the query must not take it.
  test.each(
    REL_TYPES.map((type) => [type, NODE_LABELS.find((label) => !REL_ENDS[type].from.includes(label)) as NodeLabel]),
  )("when a %s starts at a %s, then the load fails and writes nothing", async (type, wrong) => {
    const to = idOf(REL_ENDS[type].to[0] as NodeLabel, 2);
    const rows = graph({ [type]: [{ from: idOf(wrong, 1), to, props: keyProps(type) }] });
    await expectNotAllWritten(writeRows(runner, rows));
    expect(await readRows(driver, "MATCH (n) WHERE NOT n:Projection RETURN count(n) = 0 AS empty")).toEqual([
      { empty: true },
    ]);
  });

  test.each(
    REL_TYPES.map((type) => [type, NODE_LABELS.find((label) => !REL_ENDS[type].to.includes(label)) as NodeLabel]),
  )("when a %s ends at a %s, then the load fails and writes nothing", async (type, wrong) => {
    const from = idOf(REL_ENDS[type].from[0] as NodeLabel, 1);
    const rows = graph({ [type]: [{ from, to: idOf(wrong, 2), props: keyProps(type) }] });
    await expectNotAllWritten(writeRows(runner, rows));
    expect(await readRows(driver, "MATCH (n) WHERE NOT n:Projection RETURN count(n) = 0 AS empty")).toEqual([
      { empty: true },
    ]);
  });
});
