/** GET /api/health: is Neo4j answering, which version, and how many nodes of each label. */
import { Router } from "express";
import type { AppDeps } from "../app.js";
import { abortOnClose } from "../http/endpoint.js";
import { LiaisonError } from "../lib/errors.js";
import { defineQuery } from "../neo4j/query-runner.js";

const countsByLabel = defineQuery<Record<string, never>>("health/counts-by-label", "READ");
const version = defineQuery<Record<string, never>>("health/version", "READ");

export interface Health {
  status: "ok" | "unavailable";
  neo4j: { mode: "bundled" | "external"; uri: string; version?: string; edition?: string };
  counts?: Record<string, number>;
  reason?: string;
}

export function healthRoutes({ runner, neo4jInfo }: AppDeps): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
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
        neo4j: { ...neo4jInfo, version: first?.get("version"), edition: first?.get("edition") },
        counts,
      };
      res.json(body);
    } catch (error) {
      const reason = error instanceof LiaisonError ? error.message : "Neo4j did not answer.";
      const body: Health = { status: "unavailable", neo4j: neo4jInfo, reason };
      res.status(503).json(body);
    }
  });
  return router;
}
