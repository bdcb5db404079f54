/** start()/stop() of the whole app: Neo4j (bundled or external), schema, seed dataset, then the HTTP server. Run directly by `npm start`. */
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Driver } from "neo4j-driver";
import { createApp } from "./app.js";
import { type Config, exposure, loadConfig, redactUri } from "./config.js";
import { loadSeedIfMissing } from "./dataset/seed.js";
import { ensureProjections } from "./domain/projections.js";
import { graphExtractor } from "./drafts/extractor.js";
import { LiaisonError, StartupError } from "./lib/errors.js";
import { createLogger } from "./lib/logger.js";
import { type ConsolePool, createConsolePool } from "./neo4j/console-pool.js";
import { openNeo4j } from "./neo4j/open.js";
import { applySchema } from "./neo4j/schema.js";
import type { SupervisedNeo4j } from "./neo4j/supervisor.js";
import { backfillSourceHashes } from "./sources/backfill-hashes.js";

export interface RunningApp {
  url: string;
  server: Server;
  driver: Driver;
  bundled: SupervisedNeo4j | undefined;
  /** Which Neo4j it uses, for people. */
  neo4j: string;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `graceMs`
   * (LIAISON_SHUTDOWN_GRACE_MS by default), then closes the remaining connections, the drivers and
   * the bundled Neo4j, in that order. Safe to call twice.
   */
  stop(graceMs?: number): Promise<void>;
}

/** What people see on the terminal (the JSON logs are for machines). */
const say = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Starts everything; resolves once the app answers on its port.
 * @example const app = await start(loadConfig({ PORT: "0", NEO4J_URI: "bolt://127.0.0.1:7687", NEO4J_PASSWORD: "…" }));
 */
export async function start(config: Config): Promise<RunningApp> {
  const logger = createLogger(config.LOG_LEVEL);
  const neo4j = await openNeo4j(config, say, logger);
  let consolePool: ConsolePool | undefined;
  try {
    const { runner } = neo4j;
    await applySchema(runner);
    await loadSeedIfMissing(runner, config, say);
    await backfillSourceHashes(runner);
    await ensureProjections(runner, say);

    const neo4jInfo = {
      mode: neo4j.bundled ? ("bundled" as const) : ("external" as const),
      uri: redactUri(neo4j.bundled?.uri ?? config.NEO4J_URI ?? ""),
    };
    consolePool = createConsolePool(neo4j.target, {
      size: config.LIAISON_CONSOLE_POOL_SIZE,
      timeoutMs: config.LIAISON_CONSOLE_TIMEOUT_MS,
      graceMs: config.LIAISON_QUERY_DEADLINE_GRACE_MS,
      logger,
      availability: runner.options.availability,
    });
    const app = createApp({
      runner,
      extractor: graphExtractor(runner),
      consoleRunner: consolePool.runner,
      config,
      logger,
      neo4jInfo,
      neo4jStatus: neo4j.status,
    });
    const server = await listen(app, config.PORT, config.HOST);
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;

    const pool = consolePool;
    let stopping: Promise<void> | undefined;
    const stop = (graceMs = config.LIAISON_SHUTDOWN_GRACE_MS) => {
      stopping ??= (async () => {
        await closeGracefully(server, graceMs);
        await pool.close();
        await neo4j.close();
      })();
      return stopping;
    };
    return { url, server, driver: neo4j.driver, bundled: neo4j.bundled, neo4j: neo4j.description, stop };
  } catch (error) {
    await consolePool?.close();
    await neo4j.close();
    throw error;
  }
}

/**
 * Stops accepting, then waits for requests in flight: idle keep-alive connections are closed as
 * soon as they are idle, and whatever is still open after `graceMs` is cut.
 */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
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

/** What an operator should know about how exposed the server is; nothing on loopback. */
export function exposureWarnings(config: Config): string[] {
  const exposed = exposure(config);
  if (exposed.loopback) return [];
  const warnings = [
    `serving other machines on ${config.HOST}; only the Host names ${exposed.allowedHosts.join(", ")} are answered.`,
  ];
  if (!exposed.token) {
    warnings.push(
      "no access token (LIAISON_ALLOW_UNAUTHENTICATED=true): anyone who reaches this address can read the whole graph.",
    );
  }
  if (exposed.console)
    warnings.push("the Cypher console is on (LIAISON_CONSOLE=on): every authorised user can read everything.");
  return warnings;
}

/** `npm start`: start, report where, and shut everything down on SIGINT/SIGTERM or a crash. */
export async function main(): Promise<void> {
  let running: RunningApp | undefined;
  let signalled = false;
  const shutdown = async (code: number) => {
    await running?.stop();
    process.exit(code);
  };
  // The first SIGINT/SIGTERM lets requests in flight finish; a second one stops at once.
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      say(`liaison: ${signal} again, stopping now.`);
      void running?.stop(0).finally(() => process.exit(1));
      return;
    }
    signalled = true;
    say(`liaison: ${signal}, finishing requests in flight, then stopping…`);
    void shutdown(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const crash = (error: unknown) => {
    process.stderr.write(`liaison: unexpected failure, shutting down: ${(error as Error)?.message ?? error}\n`);
    void shutdown(1);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  try {
    const config = loadConfig();
    running = await start(config);
    for (const warning of exposureWarnings(config)) say(`liaison: warning: ${warning}`);
    say(
      `Liaison is running at ${running.url} (API: ${running.url}/api/health), using ${running.neo4j}. Ctrl+C stops it.`,
    );
  } catch (error) {
    // Expected failures explain themselves; anything else is told by its message and code, never a stack.
    const code = (error as NodeJS.ErrnoException)?.code;
    const message =
      error instanceof LiaisonError
        ? error.message
        : `unexpected failure: ${(error as Error)?.message ?? error}${typeof code === "string" ? ` (${code})` : ""}`;
    process.stderr.write(`liaison: ${message}\n`);
    await running?.stop();
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
