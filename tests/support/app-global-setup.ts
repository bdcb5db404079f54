/**
 * Vitest global setup for browser tests: starts the whole app in-process (`start()`) against the run's Neo4j,
 * which tests/support/neo4j-global-setup.ts provided before this runs (it is listed first), with the seed
 * dataset loaded. Tests read the app's URL with `inject("appUrl")`. Needs the built client (`npm run build`).
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../../server/config.js";
import { fromRoot } from "../../server/lib/project-root.js";
import { start } from "../../server/main.js";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(fromRoot("dist", "client", "index.html"))) {
    throw new Error("app-global-setup: dist/client is missing; run `npm run build` before the browser tests.");
  }
  const neo4j = project.getProvidedContext().neo4j;
  if (!neo4j) throw new Error("app-global-setup: no Neo4j provided; list neo4j-global-setup.ts before this file.");
  const app = await start(
    loadConfig({
      NEO4J_URI: neo4j.uri,
      NEO4J_USER: neo4j.user,
      NEO4J_PASSWORD: neo4j.password,
      ...(neo4j.database ? { NEO4J_DATABASE: neo4j.database } : {}),
      PORT: "0",
      LOG_LEVEL: "warn",
      LIAISON_SEED_DATASET: "data/seed",
    }),
  );
  project.provide("appUrl", app.url);
  return () => app.stop();
}
