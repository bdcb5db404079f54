/** start()/stop() of the whole app: Neo4j (bundled or external), schema, seed dataset, then the HTTP server. Run directly by `npm start`. */
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { createApp } from "./app.js";
import { type Config, loadConfig, redactUri } from "./config.js";
import { loadSeedIfMissing } from "./dataset/seed.js";
import { LiaisonError, StartupError } from "./lib/errors.js";
import { createLogger } from "./lib/logger.js";
import { fromRoot } from "./lib/project-root.js";
import { type BundledNeo4j, startBundledNeo4j } from "./neo4j/bundled.js";
import { connect } from "./neo4j/connect.js";
import { QueryRunner } from "./neo4j/query-runner.js";
import { applySchema } from "./neo4j/schema.js";

export interface RunningApp {
  url: string;
  server: Server;
  driver: Driver;
  bundled: BundledNeo4j | undefined;
  /** Closes the HTTP server, the driver and the bundled Neo4j, in that order. Safe to call twice. */
  stop(): Promise<void>;
}

/** What people see on the terminal (the JSON logs are for machines). */
const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Starts everything; resolves once the app answers on its port.
 * @example const app = await start(loadConfig({ PORT: "0", NEO4J_URI: "bolt://127.0.0.1:7687", NEO4J_PASSWORD: "…" }));
 */
export async function start(config: Config): Promise<RunningApp> {
  const logger = createLogger(config.LOG_LEVEL);
  let bundled: BundledNeo4j | undefined;
  let driver: Driver | undefined;
  try {
    if (config.NEO4J_URI) {
      driver = await connect({
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD ?? "",
        database: config.NEO4J_DATABASE,
      });
    } else {
      bundled = await startBundledNeo4j({
        home: path.resolve(fromRoot(), config.LIAISON_DATA_DIR, "neo4j"),
        boltPort: config.LIAISON_NEO4J_BOLT_PORT,
        heap: config.LIAISON_NEO4J_HEAP,
        pageCache: config.LIAISON_NEO4J_PAGE_CACHE,
        txMemory: config.LIAISON_NEO4J_TX_MEMORY,
        progress: say,
      });
      driver = await connect({ uri: bundled.uri, user: bundled.user, password: bundled.password });
    }
    const runner = new QueryRunner(driver, config.NEO4J_DATABASE, config.LIAISON_QUERY_TIMEOUT_MS);
    await applySchema(runner);
    await loadSeedIfMissing(runner, config, say);

    const neo4jInfo = {
      mode: bundled ? ("bundled" as const) : ("external" as const),
      uri: redactUri(bundled?.uri ?? config.NEO4J_URI ?? ""),
    };
    const app = createApp({ runner, config, logger, neo4jInfo });
    const server = await listen(app, config.PORT, config.HOST);
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;

    const openDriver = driver;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await openDriver.close().catch(() => {});
        await bundled?.stop();
      })();
      return stopping;
    };
    return { url, server, driver: openDriver, bundled, stop };
  } catch (error) {
    await driver?.close().catch(() => {});
    await bundled?.stop();
    throw error;
  }
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(
              "PORT_IN_USE",
              `Port ${port} on ${host} is already in use. Stop what uses it or set PORT to another port.`,
            )
          : error.code === "EADDRNOTAVAIL"
            ? new StartupError("CONFIG_INVALID", `HOST ${host} is not an address of this machine.`)
            : error,
      );
    });
  });
}

/** `npm start`: start, report where, and shut everything down on SIGINT/SIGTERM or a crash. */
export async function main(): Promise<void> {
  let running: RunningApp | undefined;
  const shutdown = async (code: number) => {
    await running?.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void shutdown(0));
  process.once("SIGTERM", () => void shutdown(0));
  const crash = (error: unknown) => {
    process.stderr.write(`liaison: unexpected failure, shutting down: ${(error as Error)?.message ?? error}\n`);
    void shutdown(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  try {
    const config = loadConfig();
    running = await start(config);
    const neo4j = running.bundled
      ? `bundled Neo4j ${running.bundled.version} at ${running.bundled.uri}`
      : `Neo4j at ${redactUri(config.NEO4J_URI ?? "")}`;
    say(`Liaison is running at ${running.url} (API: ${running.url}/api/health), using ${neo4j}. Ctrl+C stops it.`);
  } catch (error) {
    const message =
      error instanceof LiaisonError ? error.message : `unexpected failure: ${(error as Error)?.stack ?? error}`;
    process.stderr.write(`liaison: ${message}\n`);
    await running?.stop();
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
