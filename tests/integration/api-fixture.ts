/** Shared by the api-*.test.ts files: the seed graph loaded into the test Neo4j and the app served in-process. */
import type { Driver } from "neo4j-driver";
import { createApp } from "../../server/app.js";
import type { Config } from "../../server/config.js";
import { loadDataset } from "../../server/dataset/load.js";
import type { Extractor } from "../../server/drafts/drafts.js";
import { createLogger, type Logger } from "../../server/lib/logger.js";
import { fromRoot } from "../../server/lib/project-root.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { serve, type TestServer } from "../support/http.js";
import { resetGraph, testConfig, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";

export interface SeededApi {
  driver: Driver;
  server: TestServer;
  close(): Promise<void>;
}

/**
 * Empties the graph, loads data/seed, and serves an app on it with `overrides` in its configuration.
 * `options.logger` receives the app's logs (silent by default); `options.consoleRunner` gives the
 * console its own runner, as start() does; `options.dataset` loads another folder than the seed;
 * `options.extractor` gives drafts an extractor (main.ts gives graphExtractor).
 */
export async function seededApi(
  overrides: Record<string, string> = {},
  options: {
    logger?: Logger;
    consoleRunner?: (config: Config) => QueryRunner;
    dataset?: string;
    extractor?: (runner: QueryRunner) => Extractor;
  } = {},
): Promise<SeededApi> {
  const driver = testDriver();
  await resetGraph(driver);
  await loadDataset(testRunner(driver), options.dataset ?? fromRoot("data", "seed"), { timeoutMs: 240_000 });
  const config = testConfig(overrides);
  const runner = new QueryRunner(driver, testNeo4j().database, config.LIAISON_QUERY_TIMEOUT_MS);
  const app = createApp({
    runner,
    ...(options.extractor ? { extractor: options.extractor(runner) } : {}),
    ...(options.consoleRunner ? { consoleRunner: options.consoleRunner(config) } : {}),
    config,
    logger: options.logger ?? createLogger("silent"),
    neo4jInfo: { mode: "external", uri: "bolt://test" },
  });
  const server = await serve(app);
  return {
    driver,
    server,
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
}

/** Node and relationship counts, to prove the console changed nothing. */
export async function graphCounts(driver: Driver): Promise<{ nodes: number; relationships: number; labels: string[] }> {
  const { records } = await driver.executeQuery(
    "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS relationships CALL db.labels() YIELD label RETURN nodes, relationships, collect(label) AS labels",
    {},
    { database: testNeo4j().database },
  );
  const record = records[0];
  return {
    nodes: Number(record?.get("nodes")),
    relationships: Number(record?.get("relationships")),
    labels: [...((record?.get("labels") as string[] | undefined) ?? [])].sort(),
  };
}
