import { describe, expect, test } from "vitest";
import { allCypherNames, splitStatements } from "../../server/neo4j/cypher-files.js";
import { errorPosition } from "../../server/neo4j/neo4j-errors.js";

describe("splitStatements", () => {
  test("when a file holds several statements and comments, then each statement comes out alone", () => {
    const text =
      "// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// b\nCREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y);\n";
    expect(splitStatements(text)).toEqual([
      "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
      "CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.y)",
    ]);
  });
});

describe("allCypherNames", () => {
  test("lists nested query files by their slash-separated name", () => {
    expect(allCypherNames()).toEqual(expect.arrayContaining(["schema", "health/counts-by-label"]));
  });
});

describe("errorPosition", () => {
  test("when Neo4j reports a syntax error position, then line, column and offset are read", () => {
    expect(errorPosition("Invalid input 'MATC' (line 1, column 1 (offset: 0))")).toEqual({
      line: 1,
      column: 1,
      offset: 0,
    });
  });
});
