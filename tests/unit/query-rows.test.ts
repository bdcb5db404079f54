import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { fromRoot } from "../../server/lib/project-root.js";
import { allCypherNames, cypher } from "../../server/neo4j/cypher-files.js";
import { definedQueries } from "../../server/neo4j/query-runner.js";
import { returnColumns } from "../support/return-columns.js";

/** Every server module that defines a query: importing them fills the registry of defined queries. */
function queryModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return queryModules(full);
    return entry.name.endsWith(".ts") && /\bdefineQuery\s*[<(]/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

async function allDefinedQueries() {
  for (const file of queryModules(fromRoot("server"))) await import(pathToFileURL(file).href);
  return [...definedQueries().entries()].flatMap(([name, queries]) => queries.map((query) => ({ name, query })));
}

const sorted = (names: readonly string[]) => [...names].sort();

describe("returnColumns", () => {
  test("when a query returns aliases, bare variables and nested subqueries, then the top-level columns come out", () => {
    const text = `// RETURN commented AS out
      MATCH (a) CALL (a) { MATCH (a)--(b) RETURN b AS inner }
      RETURN DISTINCT a, COLLECT { MATCH (x) RETURN x AS y } AS listed, {k: 'RETURN z AS w'} AS \`odd name\`
      ORDER BY a LIMIT 3`;
    expect(returnColumns(text)).toEqual(["a", "listed", "odd name"]);
  });

  test("when a query has no RETURN, then it returns no columns", () => {
    expect(returnColumns("CALL db.awaitIndexes($seconds)")).toEqual([]);
  });
});

describe("query row schemas", () => {
  test("every query the server defines names, in its row schema, exactly the columns its .cypher file returns", async () => {
    const queries = await allDefinedQueries();
    expect(queries.length).toBeGreaterThan(40);
    const mismatches = queries
      .map(({ name, query }) => ({
        name,
        declared: sorted(query.columns),
        returned: sorted(returnColumns(cypher(name))),
      }))
      .filter(({ declared, returned }) => JSON.stringify(declared) !== JSON.stringify(returned));
    expect(mismatches).toEqual([]);
  });

  test("every .cypher file but the schema and the benchmark's baselines has a query with a row schema", async () => {
    const defined = new Set((await allDefinedQueries()).map(({ name }) => name));
    // schema.cypher runs statement by statement as text; bench/ queries are defined by bench/run.ts.
    const untyped = allCypherNames().filter((name) => name !== "schema" && !name.startsWith("bench/"));
    expect(untyped.filter((name) => !defined.has(name))).toEqual([]);
  });

  test("when a column is renamed in a .cypher file, then its row schema no longer matches", async () => {
    const queries = await allDefinedQueries();
    const byId = queries.find(({ name }) => name === "nodes/by-id")?.query;
    const renamed = cypher("nodes/by-id").replace("AS evidenceCount", "AS evidence");
    expect(sorted(byId?.columns ?? [])).toEqual(sorted(returnColumns(cypher("nodes/by-id"))));
    expect(sorted(byId?.columns ?? [])).not.toEqual(sorted(returnColumns(renamed)));
  });
});
