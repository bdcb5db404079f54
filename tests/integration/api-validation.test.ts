import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { createLogger } from "../../server/lib/logger.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve } from "../support/http.js";
import { testConfig } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

let api: SeededApi;
beforeAll(async () => {
  api = await seededApi();
});
afterAll(async () => api.close());

/** [request, the parameter the 400 must name] for every endpoint. */
const badRequests: [string, string][] = [
  ["/api/search", "q"],
  ["/api/search?q=", "q"],
  ["/api/search?q=x&limit=0", "limit"],
  ["/api/search?q=x&limit=abc", "limit"],
  ["/api/search?q=x&types=Person", "types"],
  ["/api/search?q=x&colour=red", "colour"],
  ["/api/nodes/not-an-id", "id"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?depth=4", "depth"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?depth=two", "depth"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?rels=KNOWS", "rels"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?types=Actor,Nope", "types"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?from=2024-13", "from"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?to=yesterday", "to"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?from=2025&to=2024", "from"],
  ["/api/nodes/actor:sergey-lavrov/neighbourhood?limit=100000", "limit"],
  ["/api/nodes/bad%20id/provenance", "id"],
  ["/api/meetings", "actor"],
  ["/api/meetings?actor=lavrov", "actor"],
  ["/api/meetings?actor=actor:wang-yi&with=x", "with"],
  ["/api/meetings?actor=actor:wang-yi&forum=g20", "forum"],
  ["/api/meetings?actor=actor:wang-yi&from=2022-02-30", "from"],
  ["/api/meetings/network?to=soon", "to"],
  ["/api/meetings/network?limit=-1", "limit"],
  ["/api/paths?to=actor:fu-cong", "from"],
  ["/api/paths?from=actor:qin-gang", "to"],
  ["/api/paths?from=actor:qin-gang&to=actor:fu-cong&maxHops=7", "maxHops"],
  ["/api/paths?from=actor:qin-gang&to=actor:qin-gang", "to"],
  ["/api/timeline?types=Actor", "types"],
  ["/api/timeline?from=20x4", "from"],
  ["/api/timeline?limit=0", "limit"],
];

describe("every endpoint's parameters", () => {
  test.each(badRequests)("when GET %s, then 400 BAD_REQUEST naming %s", async (path, parameter) => {
    const { status, body } = await api.server.get(path);
    expect(status).toBe(400);
    const error = (body as { error: { code: string; message: string; details: { parameter: string }[] } }).error;
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.details.map((detail) => detail.parameter)).toContain(parameter);
    expect(error.message).toContain(parameter);
  });

  test.each([
    [{}, "query"],
    [{ query: "" }, "query"],
    [{ query: 42 }, "query"],
    [{ query: "RETURN 1", params: [1] }, "params"],
    [{ query: "RETURN 1", extra: true }, "extra"],
  ])("when POST /api/cypher with %j, then 400 naming %s", async (requestBody, parameter) => {
    const { status, body } = await api.server.post("/api/cypher", requestBody);
    expect(status).toBe(400);
    expect((body as { error: { details: { parameter: string }[] } }).error.details.map((d) => d.parameter)).toContain(
      parameter,
    );
  });

  test.each([
    ["/api/paths?from=actor:qin-gang&to=actor:qin-gang", "GET /api/paths", "to"],
    ["/api/meetings?actor=forum:sco", "GET /api/meetings", "actor"],
    ["/api/meetings/network?forum=actor:wang-yi", "GET /api/meetings/network", "forum"],
    ["/api/nodes/actor:sergey-lavrov/neighbourhood?depth=2&offset=5", "GET /api/nodes/:id/neighbourhood", "offset"],
  ])(
    "when the use case rejects an argument of GET %s, then the error names the route, the parameter and that it came in the query",
    async (path, route, parameter) => {
      const { status, body } = await api.server.get(path);
      expect(status).toBe(400);
      const error = (body as { error: { message: string; details: unknown } }).error;
      expect(error.message.startsWith(`${route}: `)).toBe(true);
      expect(error.details).toEqual([{ parameter, in: "query", message: expect.any(String) }]);
    },
  );

  test.each([
    ["/api/nodes/actor:nobody", "GET /api/nodes/:id"],
    ["/api/nodes/actor:nobody/neighbourhood", "GET /api/nodes/:id/neighbourhood"],
    ["/api/nodes/actor:nobody/provenance", "GET /api/nodes/:id/provenance"],
    ["/api/meetings?actor=actor:nobody", "GET /api/meetings"],
    ["/api/paths?from=actor:nobody&to=actor:qin-gang", "GET /api/paths"],
  ])(
    "when the use case finds no node for GET %s, then 404 NOT_FOUND naming the route and the id",
    async (path, route) => {
      const { status, body } = await api.server.get(path);
      expect(status).toBe(404);
      expect(body).toMatchObject({
        error: { code: "NOT_FOUND", message: `${route}: no node "actor:nobody".`, details: { id: "actor:nobody" } },
      });
    },
  );

  test("when POST /api/cypher with a body that is no JSON, then 400", async () => {
    const { status, body } = await api.server.post("/api/cypher", "{not json");
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});

describe("when Neo4j is unreachable", () => {
  test("then a graph endpoint answers 503 UNAVAILABLE quickly, without a stack trace or credentials", async () => {
    const dead = createDriver({ uri: "bolt://127.0.0.1:1", user: "neo4j", password: "s3cret-password" });
    const app = createApp({
      runner: new QueryRunner(dead, undefined, 2_000),
      config: testConfig(),
      logger: createLogger("silent"),
      neo4jInfo: { mode: "external", uri: "bolt://127.0.0.1:1" },
    });
    const server = await serve(app);
    try {
      const started = Date.now();
      const { status, body } = await server.get("/api/search?q=lavrov");
      expect(status).toBe(503);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(body).toMatchObject({ error: { code: "UNAVAILABLE" } });
      expect(JSON.stringify(body)).not.toMatch(/s3cret|at .*\.(js|ts):\d+/);
    } finally {
      await server.close();
      await dead.close();
    }
  });
});
