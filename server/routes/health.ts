/** GET /api/health: is Neo4j answering, which version, how many nodes of each label, and (bundled) whether it is restarting. */
import { Router } from "express";
import type { AppDeps } from "../app.js";
import { abortOnClose } from "../http/endpoint.js";
import { LiaisonError } from "../lib/errors.js";
import { defineQuery } from "../neo4j/query-runner.js";
import type { Neo4jStatus } from "../neo4j/supervisor.js";

const countsByLabel = defineQuery<Record<string, never>>("health/counts-by-label", "READ");
const version = defineQuery<Record<string, never>>("health/version", "READ");

interface Health {
  status: "ok" | "unavailable";
  neo4j: {
    mode: "bundled" | "external";
    uri: string;
    version?: string;
    edition?: string;
    /** Bundled only: the supervisor's state, when it began, restarts so far and why it last went down. */
    state?: Neo4jStatus["state"];
    since?: string;
    restarts?: number;
    lastExit?: string;
  };
  counts?: Record<string, number>;
  reason?: string;
}

export function healthRoutes({ runner, neo4jInfo, neo4jStatus }: AppDeps): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const supervised = neo4jStatus?.();
    const neo4j: Health["neo4j"] = { ...neo4jInfo, ...supervised };
    if (supervised && supervised.state !== "ready") {
      const body: Health = {
        status: "unavailable",
        neo4j,
        reason: `The bundled Neo4j is ${supervised.state} (since ${supervised.since}${supervised.lastExit ? `; ${supervised.lastExit}` : ""}).`,
      };
      res.status(503).setHeader("Retry-After", "5").json(body);
      return;
    }
    const signal = abortOnClose(res);
    try {
      const [versionResult, countsResult] = await Promise.all([
        runner.run(version, {}, { signal, timeoutMs: 5_000 }),
        runner.run(countsByLabel, {}, { signal, timeoutMs: 5_000 }),
      ]);
      const first = versionResult.records[0];
      const counts = Object.fromEntries(
        countsResult.records.map((record) => [record.get("label") as string, Number(record.get("count"))]),
      );
      const body: Health = {
        status: "ok",
        neo4j: { ...neo4j, version: first?.get("version"), edition: first?.get("edition") },
        counts,
      };
      res.json(body);
    } catch (error) {
      const reason = error instanceof LiaisonError ? error.message : "Neo4j did not answer.";
      // The supervisor may have learnt of an exit while the queries failed: say what it knows now.
      const body: Health = { status: "unavailable", neo4j: { ...neo4jInfo, ...neo4jStatus?.() }, reason };
      res.status(503).json(body);
    }
  });
  return router;
}
