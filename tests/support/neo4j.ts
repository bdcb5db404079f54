/** Helpers for integration tests: a driver and a query runner for the run's Neo4j, and a way to start from an empty graph. */
import type { Driver } from "neo4j-driver";
import { inject } from "vitest";
import { loadConfig } from "../../server/config.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { applySchema } from "../../server/neo4j/schema.js";

/** The Neo4j of this test run, as the global setup provided it. */
export const testNeo4j = () => inject("neo4j");

export function testDriver(): Driver {
  return createDriver(testNeo4j());
}

export function testRunner(driver: Driver): QueryRunner {
  return new QueryRunner(driver, testNeo4j().database, 10_000);
}

/** Config for an app that uses the test Neo4j as an external one. */
export function testConfig(overrides: Record<string, string> = {}) {
  const neo4j = testNeo4j();
  return loadConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}),
    PORT: "0",
    LOG_LEVEL: "silent",
    LIAISON_SEED_DATASET: "none",
    ...overrides,
  });
}

/** Deletes every node and relationship (in batches), then applies the schema. */
export async function resetGraph(driver: Driver): Promise<void> {
  const session = driver.session({ database: testNeo4j().database });
  try {
    await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
  } finally {
    await session.close();
  }
  await applySchema(testRunner(driver));
}

/** Runs test Cypher against the test database and returns each record as a plain object. */
export async function readRows(driver: Driver, cypher: string, params: Record<string, unknown> = {}) {
  const session = driver.session({ database: testNeo4j().database });
  try {
    return (await session.run(cypher, params)).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}
