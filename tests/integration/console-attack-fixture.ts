/** Shared by the console attack and fuzz tests: the attack corpus, a canary HTTP server on 127.0.0.1, and a fingerprint of everything the console must not change. */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { Driver } from "neo4j-driver";
import { parse } from "yaml";
import { fromRoot } from "../../server/lib/project-root.js";
import { testNeo4j } from "../support/neo4j.js";

type Part = string | { repeat: string; times: number };

export interface Attack {
  class: string;
  comment?: string;
  query: string;
  params?: Record<string, unknown>;
  status: number;
  code?: string;
  reason?: string;
}

interface RawAttack extends Omit<Attack, "query"> {
  query: string | Part[];
}

/** A list nested `depth` deep: [[[…1…]]]. */
function nestedList(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

function expandParam(value: unknown, canary: string): unknown {
  if (typeof value === "string") return value.replaceAll("{{canary}}", canary);
  if (value && typeof value === "object" && "$nest" in value) return nestedList(Number(value.$nest));
  if (value && typeof value === "object" && "$text" in value) {
    return String(value.$text).repeat(Number((value as { times?: number }).times ?? 1));
  }
  return value;
}

/** The corpus of tests/fixtures/console/attacks.yaml, with its generated parts expanded. */
export function loadAttacks(canary: string): Attack[] {
  const raw = parse(readFileSync(fromRoot("tests", "fixtures", "console", "attacks.yaml"), "utf8")) as RawAttack[];
  return raw.map((attack) => {
    const parts = typeof attack.query === "string" ? [attack.query] : attack.query;
    const query = parts
      .map((part) => (typeof part === "string" ? part : part.repeat.repeat(part.times)))
      .join("")
      .replaceAll("{{canary}}", canary);
    const params = attack.params
      ? Object.fromEntries(Object.entries(attack.params).map(([key, value]) => [key, expandParam(value, canary)]))
      : undefined;
    return { ...attack, query, ...(params ? { params } : {}) };
  });
}

export interface Canary {
  url: string;
  /** Every request it received: method and path. */
  hits: string[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request: LOAD CSV must never reach it. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end("a,b\n1,2\n");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Everything a console query must leave as it found it: counts, labels, relationship types,
 * property keys, indexes, constraints and users (from the system database).
 */
export async function fingerprint(driver: Driver): Promise<Record<string, unknown>> {
  const database = testNeo4j().database;
  const read = async (cypher: string, db = database) =>
    (await driver.executeQuery(cypher, {}, { database: db })).records.map((record) => record.toObject());
  const [counts] = await read(
    "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships",
  );
  return {
    nodes: Number(counts?.nodes),
    relationships: Number(counts?.relationships),
    labels: (await read("CALL db.labels() YIELD label RETURN label ORDER BY label")).map((row) => row.label),
    types: (await read("CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t")).map(
      (row) => row.t,
    ),
    keys: (await read("CALL db.propertyKeys() YIELD propertyKey AS k RETURN k ORDER BY k")).map((row) => row.k),
    indexes: await read("SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name"),
    constraints: await read("SHOW CONSTRAINTS YIELD name, type RETURN * ORDER BY name"),
    users: await read("SHOW USERS YIELD user, suspended RETURN * ORDER BY user", "system"),
  };
}
