import type { Session } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { testNeo4j } from "../support/neo4j.js";
import { type SeededApi, seededApi } from "./api-fixture.js";
import { type Attack, type Canary, fingerprint, loadAttacks, startCanary } from "./console-attack-fixture.js";

const TIMEOUT_MS = 2_000;
let api: SeededApi;
let canary: Canary;
let before: Record<string, unknown>;
/** Another client's transaction, open for the whole run: TERMINATE TRANSACTIONS must not reach it. */
let bystander: { session: Session; tx: ReturnType<Session["beginTransaction"]> };

// The corpus is read at collection time; the canary's address is filled in per query.
const attacks = loadAttacks("{{canary}}");

beforeAll(async () => {
  api = await seededApi({ LIAISON_CONSOLE_TIMEOUT_MS: String(TIMEOUT_MS) });
  canary = await startCanary();
  before = await fingerprint(api.driver);
  const session = api.driver.session({ database: testNeo4j().database });
  const tx = session.beginTransaction({ metadata: { app: "bystander" } });
  await tx.run("MATCH (n:Actor) RETURN count(n) AS n");
  bystander = { session, tx };
});
afterAll(async () => {
  await bystander?.tx.rollback().catch(() => {});
  await bystander?.session.close();
  await canary?.close();
  await api?.close();
});

describe("POST /api/cypher: the attack corpus", () => {
  test("the corpus holds at least 80 queries across its classes", () => {
    expect(attacks.length).toBeGreaterThanOrEqual(80);
    const classes = new Set(attacks.map((attack) => attack.class));
    for (const name of ["desync", "admin", "write", "load-csv", "database", "depth", "size", "regex", "params"]) {
      expect(classes).toContain(name);
    }
  });

  test.each(attacks.map((attack): [string, Attack] => [`${attack.class}: ${attack.query.slice(0, 70)}`, attack]))(
    "when %s is sent, then it gets its documented status and the server stays healthy",
    async (_name, attack) => {
      const query = attack.query.replaceAll("{{canary}}", canary.url);
      const params = attack.params
        ? JSON.parse(JSON.stringify(attack.params).replaceAll("{{canary}}", canary.url))
        : undefined;
      const { status, body } = await api.server.post("/api/cypher", params ? { query, params } : { query });
      expect({ status, body }).toMatchObject({
        status: attack.status,
        ...(attack.code
          ? { body: { error: { code: attack.code, ...(attack.reason ? { details: { reason: attack.reason } } : {}) } } }
          : {}),
      });
      expect(JSON.stringify(body)).not.toMatch(/\bat [\w.<>]+ \(|node_modules/);
      expect((await api.server.get("/api/health")).status).toBe(200);
    },
  );

  test("after the corpus, the graph, its schema and its users are unchanged, the canary heard nothing, and the bystander's transaction lives", async () => {
    expect(await fingerprint(api.driver)).toEqual(before);
    expect(canary.hits).toEqual([]);
    const still = await bystander.tx.run("RETURN 1 AS one");
    expect(Number(still.records[0]?.get("one"))).toBe(1);
  });
});
