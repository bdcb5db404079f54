/** Admission to the console: a few queries per client and no more in all than the console's own connections, so waiting happens in the client, not in Neo4j. */
import type { RequestHandler } from "express";
import { TooManyRequestsError } from "../lib/errors.js";

/** Seconds a refused client is told to wait: about one console query. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Counts console requests in flight per client and in all; beyond either limit, 429 CONSOLE_BUSY
 * with Retry-After. A slot is freed when the response closes, whether it finished or the client left.
 * @example router.post("/cypher", consoleAdmission({ perClient: 2, total: 4 }), handler)
 */
export function consoleAdmission(limits: { perClient: number; total: number }): RequestHandler {
  const perClient = new Map<string, number>();
  let total = 0;
  return (req, res, next) => {
    const client = req.ip ?? "unknown";
    const mine = perClient.get(client) ?? 0;
    const refusal =
      mine >= limits.perClient
        ? `this client already has ${mine} console ${mine === 1 ? "query" : "queries"} running (at most ${limits.perClient})`
        : total >= limits.total
          ? `the console is running ${total} queries, as many as it has connections`
          : undefined;
    if (refusal) {
      res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      next(
        new TooManyRequestsError(
          "CONSOLE_BUSY",
          `${req.method} ${req.path}: ${refusal}; try again shortly.`,
          RETRY_AFTER_SECONDS,
        ),
      );
      return;
    }
    perClient.set(client, mine + 1);
    total += 1;
    res.once("close", () => {
      total -= 1;
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    });
    next();
  };
}
