/** Test projects, run in this order by `npm test`: unit (no I/O), integration (a real Neo4j), e2e (the built app in real Chromium). */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/neo4j-global-setup.ts"],
          // One Neo4j is shared by the run; files take turns and each resets the graph it needs.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // In this order: the Neo4j of the run first, then the app (with the seed graph) that uses it.
          globalSetup: ["tests/support/neo4j-global-setup.ts", "tests/support/app-global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
