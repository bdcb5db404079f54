import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDataset } from "../../server/dataset/load.js";
import { applySchema } from "../../server/neo4j/schema.js";
import { readRows, resetGraph, testDriver, testRunner } from "../support/neo4j.js";

let driver: Driver;

const read = (cypher: string, params: Record<string, unknown> = {}) => readRows(driver, cypher, params);

const schemaState = () =>
  Promise.all([
    read("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties ORDER BY name"),
    read(
      "SHOW INDEXES YIELD name, labelsOrTypes, properties, state RETURN name, labelsOrTypes, properties, state ORDER BY name",
    ),
  ]);

beforeAll(async () => {
  driver = testDriver();
  await resetGraph(driver);
  await loadDataset(testRunner(driver), fileURLToPath(new URL("../../data/seed", import.meta.url)));
});

afterAll(async () => {
  await driver?.close();
});

describe("cypher/schema.cypher", () => {
  test("when applied twice, then constraints and indexes are unchanged", async () => {
    const before = await schemaState();
    await applySchema(testRunner(driver));
    expect(await schemaState()).toEqual(before);
  });

  test("the full-text index covers names, aliases, claim text and passage text of the loaded graph", async () => {
    const [index] = await read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'search' RETURN labelsOrTypes, properties",
    );
    expect(index?.properties).toEqual(expect.arrayContaining(["name", "aliasText", "text", "exact"]));
    expect(index?.properties).not.toContain("content");
    const hits = async (query: string) =>
      (
        await read("CALL db.index.fulltext.queryNodes('search', $query) YIELD node RETURN node.id AS id", { query })
      ).map((row) => row.id as string);
    expect(await hits("lavrov")).toContain("actor:sergey-lavrov");
    expect(await hits("SCO")).toContain("forum:sco");
    const forbidden = await hits('"forbidden areas"');
    expect(forbidden).toContain("claim:qin-gang-no-forbidden-areas-bottom-line");
    expect(forbidden.some((id) => id.startsWith("passage:"))).toBe(true);
  });
});
