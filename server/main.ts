/** start()/stop() of the whole app: Neo4j (bundled or external), schema, seed dataset, then the HTTP server. Run directly by `npm start`. */
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { createApp } from "./app.js";
import { type Config, loadConfig, redactUri } from "./config.js";
import { loadSeedIfMissing } from "./dataset/seed.js";
import { ensureProjections } from "./domain/projections.js";
import { LiaisonError, StartupError } from "./lib/errors.js";
import { createLogger } from "./lib/logger.js";
import type { BundledNeo4j } from "./neo4j/bundled.js";
import { openNeo4j } from "./neo4j/open.js";
import { applySchema } from "./neo4j/schema.js";

export interface RunningApp {
  url: string;
  server: Server;
  driver: Driver;
  bundled: BundledNeo4j | undefined;
  /** Which Neo4j it uses, for people. */
  neo4j: string;
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
  const neo4j = await openNeo4j(config, say);
  try {
    const { runner } = neo4j;
    await applySchema(runner);
    await loadSeedIfMissing(runner, config, say);
    await ensureProjections(runner, say);

    const neo4jInfo = {
      mode: neo4j.bundled ? ("bundled" as const) : ("external" as const),
      uri: redactUri(neo4j.bundled?.uri ?? config.NEO4J_URI ?? ""),
    };
    const app = createApp({ runner, config, logger, neo4jInfo });
    const server = await listen(app, config.PORT, config.HOST);
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await neo4j.close();
      })();
      return stopping;
    };
    return { url, server, driver: neo4j.driver, bundled: neo4j.bundled, neo4j: neo4j.description, stop };
  } catch (error) {
    await neo4j.close();
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
    say(
      `Liaison is running at ${running.url} (API: ${running.url}/api/health), using ${running.neo4j}. Ctrl+C stops it.`,
    );
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
