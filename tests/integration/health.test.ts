import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { createLogger } from "../../server/lib/logger.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import type { Neo4jStatus } from "../../server/neo4j/supervisor.js";
import { serve, type TestServer } from "../support/http.js";
import { resetGraph, testConfig, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";

describe("GET /api/health", () => {
  const driver = testDriver();
  let server: TestServer;

  beforeAll(async () => {
    await resetGraph(driver);
    await driver.executeQuery(
      "CREATE (:Actor {id: 'actor:a', name: 'A'}), (:Actor {id: 'actor:b', name: 'B'}), (:Forum {id: 'forum:f', name: 'F'})",
    );
    const app = createApp({
      runner: testRunner(driver),
      config: testConfig(),
      logger: createLogger("silent"),
      neo4jInfo: { mode: "external", uri: "bolt://test" },
    });
    server = await serve(app);
  });
  afterAll(async () => {
    await server.close();
    await driver.close();
  });

  test("when Neo4j answers, then 200 with its version and the node counts by label", async () => {
    const { status, body } = await server.get("/api/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      neo4j: { version: expect.stringMatching(/^5\./) },
      counts: { Actor: 2, Forum: 1 },
    });
  });

  test("when Neo4j is unreachable, then 503 with a reason, quickly", async () => {
    const deadDriver = createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "x" });
    const app = createApp({
      runner: new QueryRunner(deadDriver, undefined, 2_000),
      config: testConfig(),
      logger: createLogger("silent"),
      neo4jInfo: { mode: "external", uri: "bolt://127.0.0.1:1" },
    });
    const dead = await serve(app);
    try {
      const { status, body } = await dead.get("/api/health");
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: "unavailable", reason: expect.any(String) });
    } finally {
      await dead.close();
      await deadDriver.close();
    }
  });

  test("when the bundled Neo4j is restarting, then 503 at once with its state, since, restarts and last exit, and 200 once it is ready", async () => {
    let status: Neo4jStatus = {
      state: "restarting",
      since: "2026-01-02T03:04:05.000Z",
      restarts: 2,
      lastExit: "killed by SIGKILL",
    };
    const supervised = await serve(
      createApp({
        runner: testRunner(driver),
        config: testConfig(),
        logger: createLogger("silent"),
        neo4jInfo: { mode: "bundled", uri: "bolt://127.0.0.1:7687" },
        neo4jStatus: () => status,
      }),
    );
    try {
      const down = await fetch(`${supervised.url}/api/health`);
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBeTruthy();
      expect(await down.json()).toMatchObject({
        status: "unavailable",
        neo4j: {
          mode: "bundled",
          state: "restarting",
          since: status.since,
          restarts: 2,
          lastExit: "killed by SIGKILL",
        },
        reason: expect.stringContaining("restarting"),
      });

      status = { ...status, state: "ready", since: "2026-01-02T03:04:25.000Z" };
      const { status: code, body } = await supervised.get("/api/health");
      expect(code).toBe(200);
      expect(body).toMatchObject({ status: "ok", neo4j: { state: "ready", restarts: 2, version: expect.any(String) } });
    } finally {
      await supervised.close();
    }
  });

  test("when the runner is told Neo4j is unavailable, then API requests answer 503 UNAVAILABLE with that reason, even though the driver could reach it", async () => {
    let reason: string | undefined = "the bundled Neo4j is down since now (killed by SIGKILL) and is being restarted";
    const app = await serve(
      createApp({
        runner: new QueryRunner(driver, testNeo4j().database, 10_000, { availability: () => reason }),
        config: testConfig(),
        logger: createLogger("silent"),
        neo4jInfo: { mode: "bundled", uri: "bolt://127.0.0.1:7687" },
      }),
    );
    try {
      for (const path of ["/api/nodes/actor:a", "/api/search?q=A", "/api/schema"]) {
        const { status, body } = await app.get(path);
        expect(status, path).toBe(503);
        expect(body, path).toMatchObject({
          error: { code: "UNAVAILABLE", message: expect.stringContaining("restarted") },
        });
      }
      reason = undefined;
      expect((await app.get("/api/nodes/actor:a")).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test("when an /api path does not exist, then 404 with code NOT_FOUND and no stack trace", async () => {
    const { status, body } = await server.get("/api/no-such-thing");
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe("the built client", () => {
  const driver = testDriver();
  let server: TestServer;
  let clientDir: string;
  beforeAll(async () => {
    clientDir = await mkdtemp(path.join(os.tmpdir(), "liaison-client-"));
    await mkdir(path.join(clientDir, "assets"));
    await writeFile(path.join(clientDir, "index.html"), "<!doctype html><title>Liaison</title>");
    await writeFile(path.join(clientDir, "assets", "index-abc123.js"), "export {};");
    server = await serve(
      createApp({
        runner: testRunner(driver),
        config: testConfig(),
        logger: createLogger("silent"),
        neo4jInfo: { mode: "external", uri: "bolt://test" },
        clientDir,
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await driver.close();
    await rm(clientDir, { recursive: true, force: true });
  });

  test("when a hashed asset is asked for, then it may be cached for good", async () => {
    const response = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  test("when a page or a client route is asked for, then index.html comes back and must be revalidated", async () => {
    for (const path of ["/", "/some/client/route"]) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toMatch(/no-cache|max-age=0/);
      expect(await response.text()).toContain("<title>Liaison");
    }
  });

  test("when a hashed asset is missing, then 404 NOT_FOUND, not a 500", async () => {
    const response = await fetch(`${server.url}/assets/no-such-file-1234.js`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
