import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createLogger } from "../../server/lib/logger.js";
import { type ConsolePool, createConsolePool } from "../../server/neo4j/console-pool.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { testDriver, testNeo4j } from "../support/neo4j.js";
import { rawRequest } from "../support/raw-http.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

const TIMEOUT_MS = 1_500;
const GRACE_MS = 500;
/** Reads until the transaction timeout stops it: a console query that holds its connection. */
const SLOW = "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN x";
/**
 * Neo4j 5.26's parser overflows its stack on this and never answers on the connection. Deep
 * enough that it still does once the parser's code is compiled by the JIT (after a full test run
 * 1,500 levels parsed and answered; 10,000 do not, warm or cold).
 */
const SILENT = `RETURN ${"(".repeat(10_000)}1${")".repeat(10_000)} AS deep`;

let pools: ConsolePool[] = [];
const pool = (size: number) => {
  const created = createConsolePool(testNeo4j(), {
    size,
    timeoutMs: TIMEOUT_MS,
    graceMs: GRACE_MS,
    logger: createLogger("silent"),
  });
  pools.push(created);
  return created;
};
let api: SeededApi;

beforeAll(async () => {
  api = await seededApi(
    {
      LIAISON_CONSOLE_TIMEOUT_MS: String(TIMEOUT_MS),
      LIAISON_CONSOLE_POOL_SIZE: "3",
      LIAISON_CONSOLE_PER_CLIENT: "2",
    },
    { consoleRunner: () => pool(3).runner },
  );
});
afterAll(async () => {
  await api.close();
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

const consoleQuery = (query: string, from: string) =>
  rawRequest(api.server.url, { path: "/api/cypher", body: { query }, from });

describe("POST /api/cypher admission", () => {
  test("when one client already runs two console queries, then its third gets 429 CONSOLE_BUSY with Retry-After", async () => {
    const answers = await Promise.all([1, 2, 3].map(() => consoleQuery(SLOW, "127.0.0.20")));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([408, 408, 429]);
    const busy = answers.find((answer) => answer.status === 429);
    expect(busy?.json).toMatchObject({ error: { code: "CONSOLE_BUSY" } });
    expect(Number(busy?.headers["retry-after"])).toBeGreaterThan(0);
  });

  test("when 50 clients hold console queries at once, then the console admits as many as it has connections and the explorer keeps answering", async () => {
    const hostile = Array.from({ length: 50 }, (_, i) => consoleQuery(SLOW, `127.0.1.${i + 1}`));
    const explorer: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      const answers = await Promise.all(
        [
          "/api/search?q=lavrov",
          "/api/nodes/actor:wang-yi/neighbourhood?depth=2",
          "/api/meetings/network",
          "/api/meetings?actor=actor:wang-yi",
          "/api/health",
        ].map((path) => rawRequest(api.server.url, { path })),
      );
      explorer.push(...answers.map((answer) => answer.status));
    }
    const statuses = (await Promise.all(hostile)).map((answer) => answer.status);
    expect(explorer).toEqual(explorer.map(() => 200));
    expect(statuses.filter((status) => status === 408).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(47);
    expect(statuses.every((status) => status === 408 || status === 429)).toBe(true);
    // Once they are gone, the console answers again.
    expect((await consoleQuery("RETURN 1 AS one", "127.0.1.1")).status).toBe(200);
  });
});

describe("QueryRunner deadline", () => {
  test("when Neo4j never answers a query, then the runner gives up at timeout plus grace with QUERY_TIMEOUT", async () => {
    const driver = testDriver();
    const stuck: string[] = [];
    const runner = new QueryRunner(driver, testNeo4j().database, TIMEOUT_MS, {
      deadlineGraceMs: GRACE_MS,
      onStuck: (label) => stuck.push(label),
    });
    try {
      await expect(runner.runText(SILENT, {}, "READ", "test/silent")).rejects.toMatchObject({ code: "QUERY_TIMEOUT" });
      expect(stuck).toEqual(["test/silent"]);
      // Other sessions of the same driver are not held up by the abandoned one.
      const { records } = await runner.runText("RETURN 2 AS two", {}, "READ", "test/after");
      expect(records[0]?.get("two")).toEqual(expect.anything());
    } finally {
      await driver.close();
    }
  });

  test("when a console query outlives its deadline, then the console pool replaces its connections and keeps answering", async () => {
    const console = pool(1);
    const before = console.runner.driver;
    await expect(console.runner.runText(SILENT, {}, "READ", "console")).rejects.toMatchObject({
      code: "QUERY_TIMEOUT",
    });
    expect(console.runner.driver).not.toBe(before);
    // The pool has one connection: without the replacement the next query would wait for the stuck one.
    const { records } = await console.runner.runText("RETURN 3 AS three", {}, "READ", "console");
    expect(records).toHaveLength(1);
  });
});
