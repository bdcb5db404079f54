import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../../server/config.js";
import { type RunningApp, start } from "../../server/main.js";
import { freePort } from "../../server/neo4j/bundled.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { runServer, type ServerProcess, startServer } from "../support/app-process.js";

/** What `<home>/liaison.lock` says: the app's pid and its database's. */
function lockOwner(home: string): { app: number; neo4j: number } {
  const text = readFileSync(path.join(home, "liaison.lock"), "utf8");
  const match = /^pid (\d+), neo4j pid (\d+)/.exec(text);
  if (!match) throw new Error(`unexpected lock file: ${text}`);
  return { app: Number(match[1]), neo4j: Number(match[2]) };
}

/**
 * Every file under the home with its size, mtime and (small files) a hash of its bytes. Neo4j's own
 * debug.log is left out: the running database appends to it whenever it likes (GC pauses, for one).
 */
function snapshot(home: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (path.relative(home, file) !== path.join("logs", "debug.log")) {
        const { size, mtimeMs } = statSync(file);
        const hash = size < 1_000_000 ? createHash("sha256").update(readFileSync(file)).digest("hex") : "";
        files[path.relative(home, file)] = `${size} ${mtimeMs} ${hash}`;
      }
    }
  };
  walk(home);
  return files;
}

interface Sample {
  who: "bundled" | "external";
  path: string;
  at: number;
  ms: number;
  status: number;
  body: { error?: { code?: string }; status?: string; neo4j?: Record<string, unknown> } | undefined;
}

async function hit(who: Sample["who"], base: string, route: string): Promise<Sample> {
  const at = Date.now();
  try {
    const response = await fetch(base + route, { signal: AbortSignal.timeout(20_000) });
    return { who, path: route, at, ms: Date.now() - at, status: response.status, body: await response.json() };
  } catch {
    return { who, path: route, at, ms: Date.now() - at, status: 0, body: undefined };
  }
}

describe("the supervised bundled Neo4j (its own instance, run by the built server)", () => {
  let dataDir: string;
  let home: string;
  let boltPort: number;
  let app: ServerProcess | undefined;
  let external: RunningApp | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-supervised-"));
    home = path.join(dataDir, "neo4j");
    boltPort = await freePort();
    env = {
      PORT: "0",
      LIAISON_DATA_DIR: dataDir,
      LIAISON_NEO4J_BOLT_PORT: String(boltPort),
      LIAISON_NEO4J_HEAP: "512m",
      LIAISON_NEO4J_TX_MEMORY: "256m",
      LIAISON_NEO4J_PAGE_CACHE: "32m",
      LIAISON_SEED_DATASET: "none",
      LOG_LEVEL: "error",
    };
    app = await startServer(env);
    const password = readFileSync(path.join(home, "auth", "password"), "utf8").trim();
    const uri = `bolt://127.0.0.1:${boltPort}`;
    const driver = createDriver({ uri, user: "neo4j", password });
    await driver.executeQuery("MERGE (:Actor {id: 'actor:probe', name: 'Probe Person'})");
    await driver.close();
    // A second app that uses the same database as an external one (NEO4J_URI): the supervised
    // restart is, for it, a server that went away and came back at the same address.
    external = await start(
      loadConfig({
        NEO4J_URI: uri,
        NEO4J_PASSWORD: password,
        PORT: "0",
        LOG_LEVEL: "silent",
        LIAISON_SEED_DATASET: "none",
      }),
    );
  }, 240_000);

  afterAll(async () => {
    await external?.stop();
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  test("when a second Liaison starts on the same data folder, then it stops with DATA_DIR_IN_USE naming the first, whose files stay untouched", async () => {
    const owner = lockOwner(home);
    expect(owner.app).toBe(app?.child.pid);
    const before = snapshot(home);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["conf/neo4j.conf", "auth/password", "liaison.lock", "logs/launcher.log"]),
    );

    const second = await runServer(env);

    expect(second.code).toBe(1);
    expect(second.output).toContain("LIAISON_DATA_DIR");
    expect(second.output).toContain(home);
    expect(second.output).toContain(`already in use by another Liaison (pid ${owner.app}`);
    expect(second.output).not.toMatch(/\n\s+at /);
    expect(snapshot(home)).toEqual(before);
    const health = await hit("bundled", app?.url ?? "", "/api/health");
    expect(health.status).toBe(200);
  }, 120_000);

  test("when its process is killed mid-traffic, then requests answer 503 within 2 s, health says restarting, and both apps serve again without a restart", async () => {
    const bundledUrl = app?.url ?? "";
    const externalUrl = external?.url ?? "";
    const { neo4j: killedPid } = lockOwner(home);
    const samples: Sample[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    const recovered = () => {
      const after = samples.filter((s) => s.at > killedAt);
      const sawOutage = (who: Sample["who"]) => after.some((s) => s.who === who && s.status === 503);
      const lastOk = (who: Sample["who"], route: string) =>
        after.filter((s) => s.who === who && s.path === route).at(-1)?.status === 200;
      return (
        sawOutage("bundled") &&
        sawOutage("external") &&
        lastOk("bundled", "/api/nodes/actor:probe") &&
        lastOk("bundled", "/api/health") &&
        lastOk("external", "/api/nodes/actor:probe")
      );
    };
    let done = false;
    const worker = async () => {
      while (!done) {
        const batch = await Promise.all([
          hit("bundled", bundledUrl, "/api/nodes/actor:probe"),
          hit("bundled", bundledUrl, "/api/health"),
          hit("external", externalUrl, "/api/nodes/actor:probe"),
        ]);
        samples.push(...batch);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const workers = [worker(), worker(), worker()];
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    killedAt = Date.now();
    process.kill(killedPid, "SIGKILL");
    const deadline = Date.now() + 150_000;
    while (!recovered() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    done = true;
    await Promise.all(workers);

    expect(recovered()).toBe(true);
    // The bundled app answers a success or a clean 503, and every 503 within 2 s of the outage (a
    // request in flight at the kill counts from the kill). The external one never fails with a
    // 500 or a dropped connection; right after its server comes back, a first query on the cold
    // JVM of a loaded machine may run into the query timeout (408), which is the server's pace.
    const bundled = samples.filter((s) => s.who === "bundled");
    expect(bundled.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(samples.filter((s) => s.who === "external" && ![200, 408, 503].includes(s.status))).toEqual([]);
    const waited = (s: Sample) => s.at + s.ms - Math.max(s.at, killedAt);
    const unavailable = samples.filter((s) => s.status === 503);
    expect(unavailable.filter((s) => s.who === "bundled" && waited(s) >= 2_000)).toEqual([]);
    for (const s of unavailable) {
      if (s.path === "/api/health") expect(s.body?.status).toBe("unavailable");
      else expect(s.body?.error?.code).toBe("UNAVAILABLE");
    }
    // A health request that began before the supervisor saw the exit may still say "ready"; one
    // during the outage says "restarting".
    const restarting = unavailable.find(
      (s) => s.who === "bundled" && s.path === "/api/health" && s.body?.neo4j?.state === "restarting",
    );
    expect(restarting?.body?.neo4j).toMatchObject({
      state: "restarting",
      restarts: expect.any(Number),
      lastExit: "killed by SIGKILL",
      since: expect.any(String),
    });

    const health = await hit("bundled", bundledUrl, "/api/health");
    expect(health.body?.neo4j).toMatchObject({ state: "ready", restarts: 1, lastExit: "killed by SIGKILL" });
    const node = await hit("bundled", bundledUrl, "/api/nodes/actor:probe");
    expect(JSON.stringify(node.body)).toContain("Probe Person");
    const viaExternal = await hit("external", externalUrl, "/api/nodes/actor:probe");
    expect(JSON.stringify(viaExternal.body)).toContain("Probe Person");

    // Same app process; a new database process, on the same folder (the lock names both).
    expect(app?.child.exitCode).toBeNull();
    expect(lockOwner(home)).toMatchObject({ app: app?.child.pid });
    expect(lockOwner(home).neo4j).not.toBe(killedPid);
    const output = app?.output() ?? "";
    expect(output).toMatch(/Bundled Neo4j stopped unexpectedly \(killed by SIGKILL\); restarting it in/);
    expect(output).toMatch(/Bundled Neo4j is back/);
    expect(output).toContain('"event":"neo4j.exited"');

    const firstOk = (who: Sample["who"]) =>
      samples.find(
        (s) =>
          s.who === who &&
          s.at > killedAt &&
          s.status === 200 &&
          samples.some((u) => u.who === who && u.status === 503 && u.at < s.at),
      )?.at ?? Number.NaN;
    const slowest = (who: Sample["who"]) => Math.max(...unavailable.filter((s) => s.who === who).map(waited));
    console.info(
      `supervised Neo4j: ${unavailable.length} answers 503 during the outage (slowest: bundled ${slowest("bundled")} ms, external ${slowest("external")} ms); serving again ${((firstOk("bundled") - killedAt) / 1000).toFixed(1)} s (bundled) and ${((firstOk("external") - killedAt) / 1000).toFixed(1)} s (external) after the kill`,
    );
  }, 200_000);
});
