/**
 * `npm run bench`: times a few API endpoints against the seed graph, each beside a naive baseline
 * measured in the same run (the unbounded two-hop neighbourhood; a substring scan instead of the
 * full-text index). Uses NEO4J_URI/NEO4J_PASSWORD when set (its graph is replaced by the seed!),
 * otherwise a throw-away bundled Neo4j. Not part of `npm test`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { createApp } from "../server/app.js";
import { loadConfig } from "../server/config.js";
import { loadDataset } from "../server/dataset/load.js";
import { createLogger } from "../server/lib/logger.js";
import { fromRoot } from "../server/lib/project-root.js";
import { type BundledNeo4j, freePort, startBundledNeo4j } from "../server/neo4j/bundled.js";
import { node, path as pathColumn } from "../server/neo4j/columns.js";
import { connect } from "../server/neo4j/connect.js";
import { defineQuery, QueryRunner } from "../server/neo4j/query-runner.js";
import { applySchema } from "../server/neo4j/schema.js";
import { ElementCollector } from "../server/neo4j/to-elements.js";

const unboundedNeighbourhood = defineQuery<{ id: string }>("bench/neighbourhood-unbounded", "READ").rows({
  path: pathColumn(),
});
const searchContains = defineQuery<{ text: string }>("bench/search-contains", "READ").rows({ node: node() });

interface Figure {
  name: string;
  medianMs: number;
  p95Ms: number;
  bytes: number;
}

async function measure(name: string, runs: number, once: () => Promise<string>): Promise<Figure> {
  for (let i = 0; i < 3; i++) await once(); // warm the plan cache and the page cache
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = (await once()).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 10) / 10;
  return { name, medianMs: at(0.5), p95Ms: at(0.95), bytes };
}

export async function main(args: string[] = []): Promise<void> {
  const runs = Number(args[0] ?? 30);
  let bundled: BundledNeo4j | undefined;
  let home: string | undefined;
  let target: { uri: string; user: string; password: string };
  if (process.env.NEO4J_URI) {
    target = {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? "neo4j",
      password: process.env.NEO4J_PASSWORD ?? "",
    };
  } else {
    home = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-neo4j-"));
    process.stdout.write("Starting a throw-away bundled Neo4j…\n");
    bundled = await startBundledNeo4j({ home, boltPort: await freePort(), heap: "768m", pageCache: "64m" });
    target = { uri: bundled.uri, user: bundled.user, password: bundled.password };
  }
  const driver = await connect(target);
  let server: Server | undefined;
  try {
    const config = loadConfig({ NEO4J_URI: target.uri, NEO4J_PASSWORD: target.password, LOG_LEVEL: "silent" });
    const runner = new QueryRunner(driver, undefined, config.LIAISON_QUERY_TIMEOUT_MS);
    // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
    const session = driver.session();
    try {
      await session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS");
    } finally {
      await session.close();
    }
    await applySchema(runner);
    await loadDataset(runner, fromRoot("data", "seed"));
    const app = createApp({ runner, config, logger: createLogger("silent"), neo4jInfo: { mode: "external", uri: "" } });
    const listening = app.listen(0, "127.0.0.1");
    server = listening;
    await new Promise((resolve) => listening.once("listening", resolve));
    const address = listening.address();
    const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api`;
    const get = async (url: string) => {
      const response = await fetch(base + url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.text();
    };

    const figures: [Figure, Figure][] = [
      [
        await measure("GET neighbourhood actor:china depth=2 limit=100", runs, () =>
          get("/nodes/actor:china/neighbourhood?depth=2&limit=100"),
        ),
        await measure("baseline: unbounded 2-hop paths → elements", runs, async () => {
          const { rows } = await runner.run(unboundedNeighbourhood, { id: "actor:china" });
          const collector = new ElementCollector();
          for (const row of rows) collector.addPath(row.path);
          return JSON.stringify({ elements: collector.elements() });
        }),
      ],
      [
        await measure('GET search q="lavr"', runs, () => get("/search?q=lavr&limit=20")),
        await measure("baseline: substring scan, no index", runs, async () => {
          const { rows } = await runner.run(searchContains, { text: "lavr" });
          const collector = new ElementCollector();
          for (const row of rows) collector.addNode(row.node);
          return JSON.stringify(collector.elements());
        }),
      ],
      [
        await measure("GET meetings actor:xi-jinping", runs, () => get("/meetings?actor=actor:xi-jinping")),
        await measure("GET paths actor:qin-gang → actor:fu-cong", runs, () =>
          get("/paths?from=actor:qin-gang&to=actor:fu-cong"),
        ),
      ],
    ];
    const row = (f: Figure) =>
      `${f.name.padEnd(50)} ${String(f.medianMs).padStart(8)} ${String(f.p95Ms).padStart(8)} ${String(f.bytes).padStart(9)}`;
    process.stdout.write(`\n${runs} runs each, after 3 warm-up runs; times in ms, size of the JSON in bytes.\n`);
    process.stdout.write(`${"".padEnd(50)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"bytes".padStart(9)}\n`);
    for (const [ours, other] of figures) process.stdout.write(`${row(ours)}\n${row(other)}\n\n`);
  } finally {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await driver.close();
    await bundled?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  }
}
