/** Opens the Neo4j the configuration names: the external one at NEO4J_URI, or the bundled one started for this process. */
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { type Config, redactUri } from "../config.js";
import { fromRoot } from "../lib/project-root.js";
import { type BundledNeo4j, startBundledNeo4j } from "./bundled.js";
import { connect, type Neo4jTarget } from "./connect.js";
import { QueryRunner } from "./query-runner.js";

export interface OpenNeo4j {
  driver: Driver;
  runner: QueryRunner;
  /** Where and as whom the app connects, for further drivers (the console's own pool). */
  target: Neo4jTarget;
  /** The bundled database, when this process started one. */
  bundled: BundledNeo4j | undefined;
  /** Where the database is, for people (password redacted). */
  description: string;
  /** Closes the driver, then stops the bundled Neo4j if there is one. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Connects to `NEO4J_URI`, or starts the bundled Neo4j under `LIAISON_DATA_DIR` and connects to it.
 * Fails with NEO4J_UNREACHABLE, JAVA_MISSING, MAVEN_MISSING, PORT_IN_USE or NEO4J_START_FAILED.
 * @example const neo4j = await openNeo4j(loadConfig(), console.log); … await neo4j.close();
 */
export async function openNeo4j(config: Config, say: (line: string) => void): Promise<OpenNeo4j> {
  let bundled: BundledNeo4j | undefined;
  try {
    let target: Neo4jTarget;
    if (config.NEO4J_URI) {
      target = {
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD ?? "",
        database: config.NEO4J_DATABASE,
      };
    } else {
      bundled = await startBundledNeo4j({
        home: path.resolve(fromRoot(), config.LIAISON_DATA_DIR, "neo4j"),
        boltPort: config.LIAISON_NEO4J_BOLT_PORT,
        heap: config.LIAISON_NEO4J_HEAP,
        pageCache: config.LIAISON_NEO4J_PAGE_CACHE,
        txMemory: config.LIAISON_NEO4J_TX_MEMORY,
        progress: say,
      });
      target = { uri: bundled.uri, user: bundled.user, password: bundled.password };
    }
    const driver: Driver = await connect(target);
    const started = bundled;
    let closing: Promise<void> | undefined;
    return {
      driver,
      target,
      runner: new QueryRunner(driver, config.NEO4J_DATABASE, config.LIAISON_QUERY_TIMEOUT_MS),
      bundled,
      description: started
        ? `the bundled Neo4j ${started.version} at ${started.uri}`
        : `Neo4j at ${redactUri(config.NEO4J_URI ?? "")}`,
      close() {
        closing ??= driver
          .close()
          .catch(() => {})
          .then(() => started?.stop());
        return closing;
      },
    };
  } catch (error) {
    await bundled?.stop();
    throw error;
  }
}
