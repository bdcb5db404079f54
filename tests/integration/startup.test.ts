import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../server/config.js";
import { projectRoot } from "../../server/lib/project-root.js";
import { start } from "../../server/main.js";
import { testConfig } from "../support/neo4j.js";

/** Runs the built server as `npm start` does and collects what it prints. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "dist/server/main.js")], {
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

describe("start-up failures", () => {
  test("when NEO4J_URI points where nothing listens, then the app exits non-zero with one message naming the URI", async () => {
    const { code, output } = await runServer({ NEO4J_URI: "bolt://neo4j:secret@127.0.0.1:1", PORT: "0" });
    expect(code).not.toBe(0);
    expect(output).toContain("bolt://neo4j:***@127.0.0.1:1");
    expect(output).not.toContain("secret");
    expect(output).not.toMatch(/\n\s+at /);
  });

  test("when Java is not installed and no NEO4J_URI is set, then the app says what to install", async () => {
    const { code, output } = await runServer({ PATH: "/nonexistent", PORT: "0", LIAISON_DATA_DIR: ".data-no-java" });
    expect(code).not.toBe(0);
    expect(output).toMatch(/Java was not found\. Install Java 17 or 21/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  test("when NEO4J_URI is not a Bolt URI, then start-up names the setting", async () => {
    expect(() => loadConfig({ NEO4J_URI: "http://localhost:7474" })).toThrowError(
      expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining("NEO4J_URI") }),
    );
  });

  test("when the port is in use, then start-up fails with PORT_IN_USE naming the port", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      await expect(start(testConfig({ PORT: String(port) }))).rejects.toMatchObject({
        code: "PORT_IN_USE",
        message: expect.stringContaining(String(port)),
      });
    } finally {
      blocker.close();
    }
  });

  test("when the configuration is good, then start() serves /api/health and stop() closes it", async () => {
    const app = await start(testConfig());
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    await app.stop();
    await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
  });
});
