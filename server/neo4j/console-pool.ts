/** The console's own small connection pool: console users wait on it, never on the explorer's, and a stuck connection is dropped with its driver. */
import type { Logger } from "../lib/logger.js";
import { createDriver, type Neo4jTarget } from "./connect.js";
import { QueryRunner } from "./query-runner.js";

export interface ConsolePool {
  runner: QueryRunner;
  /** Closes the pool's current driver (and any it replaced that are still closing). */
  close(): Promise<void>;
}

/**
 * A QueryRunner on a driver of its own with `size` connections. When a console query outlives its
 * deadline, Neo4j may never answer on that connection again (a parser stack overflow leaves it
 * silent), so the driver is replaced and the old one closed, which closes its sockets; queries
 * still running on it fail and their clients may retry.
 * @example const pool = createConsolePool(target, { size: 4, timeoutMs: 10_000, graceMs: 2_000, logger });
 */
export function createConsolePool(
  target: Neo4jTarget,
  options: {
    size: number;
    timeoutMs: number;
    graceMs: number;
    logger: Logger;
    /** As for the app's runner: why Neo4j cannot serve now (the bundled one is restarting), for a fast 503. */
    availability?: (() => string | undefined) | undefined;
  },
): ConsolePool {
  const newDriver = () =>
    createDriver(target, { maxConnectionPoolSize: options.size, connectionAcquisitionTimeout: 2_000 });
  const closing = new Set<Promise<void>>();
  const runner: QueryRunner = new QueryRunner(newDriver(), target.database, options.timeoutMs, {
    deadlineGraceMs: options.graceMs,
    availability: options.availability,
    onStuck: (label) => {
      options.logger.warn(
        { query: label },
        "console: Neo4j did not answer past the deadline; replacing the console's connections",
      );
      const done = runner
        .replaceDriver(newDriver())
        .close()
        .catch(() => {})
        .finally(() => closing.delete(done));
      closing.add(done);
    },
  });
  return {
    runner,
    close: async () => {
      await Promise.all([runner.driver.close().catch(() => {}), ...closing]);
    },
  };
}
