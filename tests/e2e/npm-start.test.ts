import { spawn } from "node:child_process";
import { describe, expect, test } from "vitest";
import { projectRoot } from "../../server/lib/project-root.js";
import { testNeo4j } from "../support/neo4j.js";

describe("npm start", () => {
  test("when started against a Neo4j, then it prints where it runs, serves the client and the API, and exits cleanly on SIGINT", async () => {
    const neo4j = testNeo4j();
    // As from a person's shell: vitest's NODE_ENV=test would make `npm start`'s stale-client build a development
    // bundle (Lit in dev mode) in the dist/client that the other browser tests then load.
    const { NODE_ENV: _testEnv, ...shell } = process.env;
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: projectRoot,
      env: {
        ...shell,
        PORT: "0",
        LOG_LEVEL: "warn",
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        LIAISON_SEED_DATASET: "none",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk;
        const match = /Liaison is running at (http:\/\/\S+) /.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    try {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<title>Liaison");
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    }
  });
});
