import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkQueryText } from "../../server/console/query-bounds.js";
import { testDriver, testNeo4j } from "../support/neo4j.js";

// The nesting budget (MAX_NESTING) was chosen from Neo4j 5.26's own limits: past a few hundred
// levels its parser overflows its stack and never answers. This checks, on the real database,
// that the deepest query of each kind the console lets through is still answered, with room to
// spare: at three times that depth too. A Neo4j upgrade that lowers its limits fails here.

const shapes: Record<string, (n: number) => string> = {
  parentheses: (n) => `RETURN ${"(".repeat(n)}1${")".repeat(n)} AS x`,
  lists: (n) => `RETURN ${"[".repeat(n)}1${"]".repeat(n)} AS x`,
  maps: (n) => `RETURN ${"{a: ".repeat(n)}1${"}".repeat(n)} AS x`,
  patterns: (n) => `MATCH ${"(".repeat(n)}n${")".repeat(n)} RETURN 1 AS x`,
  "function calls": (n) => `RETURN ${"abs(".repeat(n)}1${")".repeat(n)} AS x`,
  "CASE expressions": (n) => `RETURN ${"CASE WHEN true THEN ".repeat(n)}1${" END".repeat(n)} AS x`,
  "CALL subqueries": (n) => `${"CALL { ".repeat(n)}RETURN 1 AS x${" } RETURN x".repeat(n)}`,
  "property chains": (n) => `WITH {a: 1} AS m RETURN m${".a".repeat(n)} AS x`,
  "|| chains": (n) => `RETURN 'a'${" || 'a'".repeat(n)} AS x`,
  "NOT chains": (n) => `RETURN ${"NOT ".repeat(n)}true AS x`,
  "AND chains": (n) => `RETURN true${" AND true".repeat(n)} AS x`,
  "OR chains of comparisons": (n) => `MATCH (n) WHERE n.id = 'x'${" OR n.id = 'x'".repeat(n)} RETURN n`,
  UNIONs: (n) => `RETURN 1 AS x${" UNION RETURN 1 AS x".repeat(n)}`,
  "WITH chains": (n) => `WITH 1 AS a ${"WITH a + 1 AS a ".repeat(n)}RETURN a AS x`,
};

/** The largest n whose query the console's text check accepts. */
function deepestAccepted(shape: (n: number) => string): number {
  let n = 0;
  while (checkQueryText(shape(n + 1), 20_000) === undefined) n += 1;
  return n;
}

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => driver.close());

/** EXPLAINs the query; "hung" when Neo4j does not answer within 15 s (its parser overflowed its stack). */
async function explain(query: string): Promise<"answered" | "hung"> {
  const session = driver.session({ database: testNeo4j().database, defaultAccessMode: "READ" });
  let timer: NodeJS.Timeout | undefined;
  try {
    const hung = new Promise<"hung">((resolve) => {
      timer = setTimeout(() => resolve("hung"), 15_000);
    });
    const answered = session
      .run(`EXPLAIN ${query}`)
      .then(() => "answered" as const)
      .catch(() => "answered" as const);
    return await Promise.race([answered, hung]);
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => {});
  }
}

describe("the console's nesting budget, against Neo4j", () => {
  test.each(Object.entries(shapes))(
    "when %s nest as deep as the console allows, three times over, then Neo4j still answers",
    async (_name, shape) => {
      const deepest = deepestAccepted(shape);
      expect(deepest).toBeGreaterThan(0);
      expect(checkQueryText(shape(deepest + 1), 20_000)?.reason).toBe("too-deep");
      expect(await explain(shape(deepest * 3))).toBe("answered");
    },
  );
});
