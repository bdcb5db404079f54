import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CypherResponse } from "../../common/api-types.js";
import { graphCounts, type SeededApi, seededApi } from "./api-fixture.js";

const TIMEOUT_MS = 2_000;
let api: SeededApi;
beforeAll(async () => {
  api = await seededApi({
    LIAISON_CONSOLE_TIMEOUT_MS: String(TIMEOUT_MS),
    LIAISON_CONSOLE_MAX_ROWS: "50",
    LIAISON_CONSOLE_MAX_BYTES: "20000",
  });
});
afterAll(async () => api.close());

const run = (query: string, params?: Record<string, unknown>) =>
  api.server.post("/api/cypher", params ? { query, params } : { query });

describe("POST /api/cypher", () => {
  test("when a read returns nodes, relationships, paths and scalars, then rows are JSON-safe and elements are listed", async () => {
    const { status, body } = await run(
      "MATCH p = (a:Actor {id: $id})-[r:PARTICIPATED_IN]->(e:Event) RETURN a, r, p, e.dateStart AS day, 2^70 AS huge, toInteger(2^60) AS big, 7 AS small LIMIT 1",
      { id: "actor:sergey-lavrov" },
    );
    expect(status).toBe(200);
    const response = body as CypherResponse;
    expect(response.columns).toEqual(["a", "r", "p", "day", "huge", "big", "small"]);
    const [a, r, p, day, , big, small] = response.rows[0] ?? [];
    expect(a).toEqual({ $node: "actor:sergey-lavrov" });
    expect(r).toEqual({ $rel: "actor:sergey-lavrov|PARTICIPATED_IN|event:wang-yi-lavrov-meetings" });
    expect(p).toMatchObject({ $path: { nodes: ["actor:sergey-lavrov", "event:wang-yi-lavrov-meetings"] } });
    expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(big).toBe("1152921504606846976");
    expect(small).toBe(7);
    expect(response.elements.nodes.map((node) => node.data.id).sort()).toEqual([
      "actor:sergey-lavrov",
      "event:wang-yi-lavrov-meetings",
    ]);
    expect(response.elements.edges).toHaveLength(1);
    expect(response).toMatchObject({ truncated: false, queryType: "r" });
  });

  test("when a parameter is a whole number, then it is a Cypher INTEGER (LIMIT $n works); fractions stay FLOAT", async () => {
    const { status, body } = await run(
      "MATCH (a:Actor) WITH a ORDER BY a.id LIMIT $n RETURN count(a) AS n, valueType($x) AS x, valueType($nested.ids[0]) AS nested",
      { n: 3, x: 2.5, nested: { ids: [7] } },
    );
    expect(status).toBe(200);
    expect((body as CypherResponse).rows).toEqual([[3, "FLOAT NOT NULL", "INTEGER NOT NULL"]]);
  });

  test("when a read matches nothing, then its columns are still named", async () => {
    const { status, body } = await run("MATCH (a:Actor {id: 'actor:nobody'}) RETURN a.name AS name, a.kind AS kind");
    expect(status).toBe(200);
    expect(body).toMatchObject({ columns: ["name", "kind"], rows: [], truncated: false });
  });

  test("when the result passes the row limit, then reading stops and says so", async () => {
    const { body } = await run("UNWIND range(1, 1000) AS x RETURN x");
    expect((body as CypherResponse).rows).toHaveLength(50);
    expect((body as CypherResponse).truncated).toEqual({ reason: "rows", limit: 50 });
  });

  test("when the result passes the byte limit, then reading stops and says so", async () => {
    // A parameter, not reduce(): the console refuses reduce() (its cost has no bound inside one expression).
    const { body } = await run("UNWIND range(1, 40) AS x RETURN x, $text AS text", { text: "abcdefghij".repeat(100) });
    expect((body as CypherResponse).truncated).toEqual({ reason: "bytes", limit: 20000 });
    expect(JSON.stringify((body as CypherResponse).rows).length).toBeLessThanOrEqual(20000);
  });

  test("when the query has a syntax error, then 400 with Neo4j's message and its position in the query", async () => {
    const { status, body } = await run("MATCH (n)\nRETURN n LIMIT 1 MATC");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      error: { code: "BAD_REQUEST", details: { position: { line: 2, column: 18, offset: 27 } } },
    });
  });

  const writes: [string, string][] = [
    ["CREATE", "CREATE (:Intruder {name: 'x'})"],
    ["MERGE", "MERGE (n:Actor {id: 'actor:intruder'}) RETURN n"],
    ["SET", "MATCH (n:Actor) SET n.name = 'hacked'"],
    ["DELETE", "MATCH (n:Passage) DETACH DELETE n"],
    ["REMOVE", "MATCH (n:Actor) REMOVE n:Actor"],
    ["FOREACH", "MATCH (n:Actor) WITH collect(n) AS all FOREACH (x IN all | SET x.flag = true)"],
    ["CREATE INDEX", "CREATE INDEX intruder IF NOT EXISTS FOR (n:Actor) ON (n.flag)"],
    ["DROP INDEX", "DROP INDEX search"],
    ["CREATE USER", "CREATE USER intruder SET PASSWORD 'intruder-password'"],
    ["ALTER USER", "ALTER USER neo4j SET PASSWORD 'intruder-password'"],
    ["CALL IN TRANSACTIONS", "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS"],
    ["PROFILE of a write", "PROFILE CREATE (:Intruder)"],
    ["a write hidden in a subquery", "MATCH (a:Actor) CALL (a) { SET a.flag = 1 RETURN 1 AS one } RETURN count(*)"],
    ["lower case and comments", "/* read only, promise */ match (n:Actor) // just looking\n sEt n.flag = 1"],
    ["unicode whitespace", "MATCH\u00a0(n:Actor)\u2003SET\u2002n.flag\u3000=\u00a01"],
    ["two statements", "MATCH (n) RETURN count(n); CREATE (:Intruder)"],
    ["LOAD CSV", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"],
    ["LOAD CSV from a URL", "LOAD CSV FROM 'https://example.com/x.csv' AS line RETURN line"],
    ["dbms.setConfigValue", "CALL dbms.setConfigValue('db.transaction.timeout', '0')"],
    ["db.createLabel", "CALL db.createLabel('Intruder')"],
    ["TERMINATE TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"],
    ["SHOW TRANSACTIONS", "SHOW TRANSACTIONS"],
  ];

  test.each(writes)(
    "when a write comes disguised as %s, then 403 READ_ONLY and the graph is unchanged",
    async (_name, query) => {
      const before = await graphCounts(api.driver);
      const { status, body } = await run(query);
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: { code: "READ_ONLY" } });
      expect(await graphCounts(api.driver)).toEqual(before);
      const flagged = await api.driver.executeQuery(
        "MATCH (n) WHERE n.flag IS NOT NULL OR n.name = 'hacked' OR n:Intruder RETURN count(n) AS n",
      );
      expect(Number(flagged.records[0]?.get("n"))).toBe(0);
    },
  );

  test("when an allowlisted procedure is run, then it answers", async () => {
    const labels = await run("CALL db.labels() YIELD label RETURN label ORDER BY label");
    expect(labels.status).toBe(200);
    expect((labels.body as CypherResponse).rows.map((row) => row[0])).toContain("Actor");
  });

  // Changed on purpose: the console no longer strips a PROFILE to plan the rest (that is how the
  // plan and the run were made to disagree); a PROFILE or EXPLAIN in the text is refused.
  test("when the query starts with PROFILE or EXPLAIN, then 403 READ_ONLY execution-mode", async () => {
    for (const query of ["PROFILE MATCH (n:Actor) RETURN count(n) AS actors", "EXPLAIN MATCH (n) RETURN n"]) {
      const { status, body } = await run(query);
      expect(status).toBe(403);
      expect(body).toMatchObject({ error: { code: "READ_ONLY", details: { reason: "execution-mode" } } });
    }
  });

  test("when a query runs away, then it is stopped within its time limit and the server stays healthy", async () => {
    const started = Date.now();
    const { status, body } = await run("UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(*)");
    const elapsed = Date.now() - started;
    expect(status).toBe(408);
    expect(body).toMatchObject({ error: { code: "QUERY_TIMEOUT" } });
    // EXPLAIN, then the run stopped at the timeout; Neo4j checks it every so often.
    expect(elapsed).toBeLessThan(TIMEOUT_MS * 3);
    const cartesian = await run("MATCH (a), (b), (c), (d) WHERE a.id + b.id + c.id + d.id = 'x' RETURN count(*)");
    expect(cartesian.status).toBe(408);
    expect((await api.server.get("/api/health")).status).toBe(200);
  });
});
