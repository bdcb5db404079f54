/** knip's map of the project (`npm run lint:dead`): the entry points from which every file, export and dependency must be reached. */
import type { KnipConfig } from "knip";

const config: KnipConfig = {
  // Its plugins add what the tools' own configs name: client/main.ts via vite.config.ts and
  // client/index.html, the test files and global setups via vitest.config.ts, scripts from package.json.
  entry: [
    "server/main.ts",
    // The CLIs and benchmarks are run by path (scripts/run-built.mjs dist/server/cli/load.js…),
    // which knip cannot follow from package.json.
    "server/cli/*.ts",
    "bench/*.ts",
    "scripts/*.mjs",
  ],
  project: [
    "server/**/*.ts",
    "common/**/*.ts",
    "client/**/*.ts",
    "bench/**/*.ts",
    "tests/**/*.ts",
    "scripts/**/*.mjs",
    "*.config.ts",
  ],
  // Programs of the machine, not npm packages: Java and Maven run the bundled Neo4j, apt-get
  // installs Chromium for the browser tests.
  ignoreBinaries: ["java", "mvn", "apt-get"],
};

export default config;
