/** Runs the built loader in a child process that kills itself (SIGKILL) once a progress condition holds: a load cut off mid-way. */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { projectRoot } from "../../server/lib/project-root.js";
import { testNeo4j } from "./neo4j.js";

/**
 * Loads `folder` with `options` (a JSON object literal's source, without `progress`) and kills
 * the process when `killWhen` — a JS expression over the progress object `p` — is true. Resolves
 * with the signal the child died of and what it printed.
 * @example await killedLoad(seed, "{}", `p.step === "Claim"`)
 */
export async function killedLoad(folder: string, options: string, killWhen: string) {
  const built = (file: string) => path.join(projectRoot, "dist/server", file);
  expect(existsSync(built("dataset/load.js")), "build the server first (npm run build:server)").toBe(true);
  const neo4j = testNeo4j();
  const script = `
    const { loadDataset } = await import(${JSON.stringify(built("dataset/load.js"))});
    const { createDriver } = await import(${JSON.stringify(built("neo4j/connect.js"))});
    const { QueryRunner } = await import(${JSON.stringify(built("neo4j/query-runner.js"))});
    const driver = createDriver({ uri: process.env.URI, user: process.env.USER_NAME, password: process.env.PASSWORD });
    const runner = new QueryRunner(driver, process.env.DATABASE || undefined, 10000);
    await loadDataset(runner, ${JSON.stringify(folder)}, {
      ...${options},
      progress: (p) => {
        if (${killWhen}) { process.stdout.write("killed after " + p.done + " rows\\n"); process.kill(process.pid, "SIGKILL"); }
      },
    });
    process.stdout.write("finished\\n");`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: {
      ...process.env,
      URI: neo4j.uri,
      USER_NAME: neo4j.user,
      PASSWORD: neo4j.password,
      DATABASE: neo4j.database ?? "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const signal = await new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  return { signal, output };
}
