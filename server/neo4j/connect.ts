/** Opens the driver to whichever Neo4j the app uses and proves it answers, failing fast with a message people can act on. */
import neo4j, { type Driver } from "neo4j-driver";
import { redactUri } from "../config.js";
import { StartupError } from "../lib/errors.js";

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database?: string | undefined;
}

/**
 * Driver settings that keep every wait short: no request hangs for the driver's default minutes.
 * While Neo4j is down (stopped, restarting, or its host unreachable) a request fails within about
 * 1.2 s when connections are refused: one attempt, one retry 0.8–1.2 s later (the driver's first
 * delay), then no more since `maxTransactionRetryTime` has passed; a TCP connect that gets no
 * answer at all gives up after `connectionTimeout`. The driver drops connections the server closed
 * and opens new ones, so it serves again as soon as Neo4j is back at the same address.
 * `pool` overrides the pool's size and how long a request waits for a connection from it.
 */
export function createDriver(
  target: Neo4jTarget,
  pool: { maxConnectionPoolSize?: number; connectionAcquisitionTimeout?: number } = {},
): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
    connectionTimeout: 1_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 500,
    maxConnectionPoolSize: 50,
    userAgent: "liaison/0.1",
    ...pool,
  });
}

/**
 * Resolves with the driver once `verifyConnectivity()` succeeds within `timeoutMs`; otherwise
 * closes it and throws NEO4J_UNREACHABLE naming the URI (password redacted) and what to check.
 */
export async function connect(target: Neo4jTarget, timeoutMs = 12_000): Promise<Driver> {
  const driver = createDriver(target);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      driver.verifyConnectivity(target.database ? { database: target.database } : {}),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      }),
    ]);
    return driver;
  } catch (cause) {
    await driver.close().catch(() => {});
    const reason = (cause instanceof Error ? cause.message.split("\n")[0] : undefined) ?? String(cause);
    const auth = /unauthorized|authentication/i.test(reason);
    throw new StartupError(
      "NEO4J_UNREACHABLE",
      `Cannot use Neo4j at ${redactUri(target.uri)}: ${reason}\n  ${
        auth
          ? "Check NEO4J_USER and NEO4J_PASSWORD."
          : "Check that Neo4j is running and reachable at that address and that NEO4J_URI is right, or unset NEO4J_URI to use the bundled Neo4j."
      }`,
      { cause },
    );
  } finally {
    clearTimeout(timer);
  }
}
