/**
 * Vitest global setup: one Neo4j for the whole run, from (in this order) NEO4J_TEST_URI,
 * Testcontainers when a Docker engine answers, or the bundled Neo4j on a free port with a
 * throw-away data folder. Tests read it with `inject("neo4j")`.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startBundledNeo4j } from "../../server/neo4j/bundled.js";
import type { Neo4jTarget } from "../../server/neo4j/connect.js";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: Neo4jTarget & { source: "env" | "testcontainers" | "bundled" };
  }
}

function dockerAnswers(): boolean {
  const result = spawnSync("docker", ["info"], { stdio: "ignore", timeout: 5_000 });
  return result.status === 0;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_TEST_URI) {
    project.provide("neo4j", {
      source: "env",
      uri: process.env.NEO4J_TEST_URI,
      user: process.env.NEO4J_TEST_USER ?? "neo4j",
      password: process.env.NEO4J_TEST_PASSWORD ?? "",
      database: process.env.NEO4J_TEST_DATABASE,
    });
    return async () => {};
  }
  if (dockerAnswers()) {
    // Only imported where a Docker engine runs (never on our own machines).
    const { Neo4jContainer } = await import("@testcontainers/neo4j");
    const container = await new Neo4jContainer("neo4j:5.26-community").withPassword("liaison-test").start();
    project.provide("neo4j", {
      source: "testcontainers",
      uri: container.getBoltUri(),
      user: container.getUsername(),
      password: container.getPassword(),
    });
    return async () => void (await container.stop());
  }
  const home = await mkdtemp(path.join(os.tmpdir(), "liaison-test-neo4j-"));
  const neo4j = await startBundledNeo4j({ home, boltPort: await freePort(), heap: "768m", pageCache: "64m" });
  project.provide("neo4j", { source: "bundled", uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  return async () => {
    await neo4j.stop();
    await rm(home, { recursive: true, force: true });
  };
}
