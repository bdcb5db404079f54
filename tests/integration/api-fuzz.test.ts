import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../server/config.js";
import { createLogger } from "../../server/lib/logger.js";
import { apiEndpoints } from "../../server/routes/api.js";
import { rawRequest } from "../support/raw-http.js";
import { type SeededApi, seededApi } from "./api-fixture.js";

/** Printed so that a failure can be replayed with the same inputs. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
let api: SeededApi;
beforeAll(async () => {
  api = await seededApi({ LIAISON_CONSOLE_TIMEOUT_MS: "2000", LIAISON_QUERY_TIMEOUT_MS: "5000" });
});
afterAll(async () => api.close());

const endpoints = apiEndpoints({
  runner: undefined as never,
  config: loadConfig({}),
  logger: createLogger("silent"),
  neo4jInfo: { mode: "external", uri: "" },
});
const QUERY_KEYS = [
  "q",
  "types",
  "limit",
  "depth",
  "rels",
  "from",
  "to",
  "actor",
  "with",
  "forum",
  "maxHops",
  "maxPaths",
  "id",
];

/** Strings people and attackers send: real ids, dates, numbers at the edges, Unicode, Lucene and Cypher syntax. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "actor:wang-yi",
    "actor:nobody",
    "event:wang-yi-lavrov-meetings",
    "2024-02-30",
    "1960-01",
    "-1",
    "0",
    "1e309",
    "9007199254740993",
    "NaN",
    "[]",
    "{}",
    "\u0000",
    "' OR 1=1 //",
    "*:*",
    'a~ b^99 "c',
    "MATCH (n) DETACH DELETE n",
    "Actor,Forum",
    "PARTICIPATED_IN,NOPE",
    "%00",
    "é".repeat(300),
  ),
);
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

const request = fc.record({
  endpoint: fc.constantFrom(...endpoints),
  pathValue: hostileString,
  query: fc.dictionary(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })), hostileString, {
    maxKeys: 5,
  }),
  body: fc.oneof(
    json,
    fc.record({ query: hostileString, params: json }),
    fc.record({
      query: fc.constantFrom("RETURN $x AS x", "MATCH (n) RETURN n LIMIT $x"),
      params: fc.record({ x: json }),
    }),
  ),
});

describe("every endpoint under fuzzed parameters and bodies", () => {
  test("when parameters and bodies are arbitrary, then answers are 2xx or 4xx with the error shape, never 500 and never a stack trace", async () => {
    console.log(`api-fuzz: seed ${SEED} (set FUZZ_SEED to replay)`);
    await fc.assert(
      fc.asyncProperty(request, async ({ endpoint, pathValue, query, body }) => {
        const path = `/api${endpoint.path.replace(":id", encodeURIComponent(pathValue))}?${new URLSearchParams(query)}`;
        const answer = await rawRequest(api.server.url, {
          method: endpoint.method.toUpperCase(),
          path,
          ...(endpoint.method === "post" ? { body: JSON.stringify(body) ?? "null" } : {}),
          headers: endpoint.method === "post" ? { "content-type": "application/json" } : {},
        });
        const where = `${endpoint.method.toUpperCase()} ${path} → ${answer.status} ${answer.text.slice(0, 300)}`;
        expect(answer.status < 500, where).toBe(true);
        expect(answer.text, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
        if (answer.status >= 400) {
          expect(answer.json, where).toMatchObject({
            error: { code: expect.any(String), message: expect.any(String) },
          });
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 240_000);
});
