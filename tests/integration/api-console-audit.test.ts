import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { loadDataset } from "../../server/dataset/load.js";
import type { AuditEvent } from "../../server/lib/audit.js";
import { fromRoot } from "../../server/lib/project-root.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { resetGraph, testConfig, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";

const lines: string[] = [];
const driver = testDriver();
let server: TestServer;

beforeAll(async () => {
  await resetGraph(driver);
  await loadDataset(testRunner(driver), fromRoot("data", "seed"));
  const config = testConfig();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  server = await serve(
    createApp({
      runner: new QueryRunner(driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS),
      config,
      logger: pino({ level: "info" }, sink),
      neo4jInfo: { mode: "external", uri: "bolt://test" },
    }),
  );
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

const SECRET = "s3cret-parameter-value";
const audits = () =>
  lines
    .map((line) => JSON.parse(line) as { audit?: AuditEvent })
    .filter((entry) => entry.audit?.kind === "console")
    .map((entry) => entry.audit as AuditEvent);

describe("POST /api/cypher: audit lines", () => {
  test("when queries are allowed or refused, then each gets one audit line with its verdict, never a parameter value", async () => {
    const sent: [string, Record<string, unknown>, number, string][] = [
      ["MATCH (a:Actor {id: $id}) RETURN a.name AS name", { id: "actor:sergey-lavrov", token: SECRET }, 200, "ok"],
      ["RETURN $s =~ '(.*a){20}' AS m", { s: SECRET }, 403, "READ_ONLY"],
      ["SHOW TRANSACTIONS", { secret: SECRET }, 403, "READ_ONLY"],
      [`RETURN ${"(".repeat(300)}1${")".repeat(300)} AS x`, {}, 400, "BAD_REQUEST"],
      ["RETURN 1 / 0 AS x", {}, 422, "QUERY_FAILED"],
    ];
    for (const [query, params, status] of sent) {
      expect((await server.post("/api/cypher", { query, params })).status).toBe(status);
    }
    const events = audits();
    expect(events).toHaveLength(sent.length);
    sent.forEach(([query, params, , verdict], i) => {
      expect(events[i]).toMatchObject({
        kind: "console",
        route: "POST /api/cypher",
        verdict,
        queryLength: query.length,
        query: query.slice(0, 500),
        paramNames: Object.keys(params),
      });
      expect(events[i]?.client).toMatch(/127\.0\.0\.1/);
      expect(events[i]?.queryHash).toMatch(/^[0-9a-f]{16}$/);
      expect(typeof events[i]?.ms).toBe("number");
    });
    expect(events[0]).toMatchObject({ rows: 1, queryType: "r" });
    expect(events[1]).toMatchObject({ reason: "regex" });
    expect(events[2]).toMatchObject({ reason: "command", queryType: "r" });
    expect(events[3]).toMatchObject({ reason: "too-deep" });
    expect(events[3]?.query).toHaveLength(500);
    expect(lines.join("\n")).not.toContain(SECRET);
  });
});
