/** GET /api/health: is Neo4j answering, which version, how many nodes of each label, and (bundled) whether it is restarting. */
import { Router } from "express";
import { z } from "zod";
import type { HealthResponse } from "../../common/api-types.js";
import type { AppDeps } from "../app.js";
import { abortOnClose } from "../http/endpoint.js";
import { LiaisonError } from "../lib/errors.js";
import { int } from "../neo4j/columns.js";
import { defineQuery } from "../neo4j/query-runner.js";

const countsByLabel = defineQuery<Record<string, never>>("health/counts-by-label", "READ").rows({
  label: z.string(),
  count: int(),
});
const version = defineQuery<Record<string, never>>("health/version", "READ").rows({
  version: z.string(),
  edition: z.string(),
});

/** GET /api/health; its body (HealthResponse, for 200 and 503 alike) is in common/contract/responses.ts. */
export function healthRoutes({ runner, neo4jInfo, neo4jStatus }: AppDeps): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const supervised = neo4jStatus?.();
    const neo4j: HealthResponse["neo4j"] = { ...neo4jInfo, ...supervised };
    if (supervised && supervised.state !== "ready") {
      const body: HealthResponse = {
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
      const first = versionResult.rows[0];
      const counts = Object.fromEntries(countsResult.rows.map((row) => [row.label, row.count]));
      const body: HealthResponse = {
        status: "ok",
        neo4j: { ...neo4j, version: first?.version, edition: first?.edition },
        counts,
      };
      res.json(body);
    } catch (error) {
      const reason = error instanceof LiaisonError ? error.message : "Neo4j did not answer.";
      // The supervisor may have learnt of an exit while the queries failed: say what it knows now.
      const body: HealthResponse = { status: "unavailable", neo4j: { ...neo4jInfo, ...neo4jStatus?.() }, reason };
      res.status(503).json(body);
    }
  });
  return router;
}
