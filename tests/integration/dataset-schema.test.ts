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

  test("the search indexes hold name keys of named nodes and the text of claims and passages, never a source's content", async () => {
    const indexes = await read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name STARTS WITH 'search' RETURN name, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer ORDER BY name",
    );
    expect(indexes.map((index) => [index.name, index.properties, index.analyzer])).toEqual([
      ["search_keys", ["nameKeys"], "keyword"],
      ["search_names", ["nameKeys"], "whitespace"],
      ["search_text", ["text", "exact"], "standard-folding"],
      ["search_titles", ["nameKeys"], "whitespace"],
    ]);
    const hits = async (index: string, query: string) =>
      (
        await read("CALL db.index.fulltext.queryNodes($index, $query) YIELD node RETURN node.id AS id", {
          index,
          query,
        })
      ).map((row) => row.id as string);
    expect(await hits("search_keys", 'nameKeys:"belt road forum"')).toEqual(["forum:belt-and-road-forum"]);
    expect(await hits("search_keys", 'nameKeys:"sco"')).toEqual(["forum:sco"]);
    expect(await hits("search_names", "lavrov")).toContain("actor:sergey-lavrov");
    expect(await hits("search_titles", "parade")).toContain("event:victory-day-parade-2025");
    const forbidden = await hits("search_text", '"forbidden areas"');
    expect(forbidden).toContain("claim:qin-gang-no-forbidden-areas-bottom-line");
    expect(forbidden.some((id) => id.startsWith("passage:"))).toBe(true);
    // A source's full text is not searched: a word only its content holds finds nothing.
    const [source] = await read("MATCH (s:Source) RETURN s.content AS content");
    expect(String(source?.content)).toContain("captcha");
    expect(await hits("search_text", "captcha")).toEqual([]);
  });
});
