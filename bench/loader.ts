/**
 * `npm run bench:loader -- <dataset folder> [--sample 2000] [--tx-memory 768m]`: loads a dataset into a
 * throw-away bundled Neo4j with the app's loader and prints load time, nodes/s, relationships/s,
 * peak Node RSS, the publishing transaction's memory, and a one-transaction-per-row baseline on a
 * sample (as a ratio). Writes the same as JSON under bench/results/.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadDataset, progressPrinter, toNeo4jProps } from "../server/dataset/load.js";
import { recordResolver } from "../server/dataset/resolve.js";
import { clearStaged } from "../server/dataset/stream-load.js";
import { StreamedDataset } from "../server/dataset/stream-read.js";
import { fromRoot } from "../server/lib/project-root.js";
import { freePort, startBundledNeo4j } from "../server/neo4j/bundled.js";
import { createDriver } from "../server/neo4j/connect.js";
import { defineQuery, QueryRunner } from "../server/neo4j/query-runner.js";
import { applySchema } from "../server/neo4j/schema.js";

const stageNodes = defineQuery<{ rows: unknown[]; label: string; dataset: string }>(
  "dataset/stage-nodes",
  "WRITE",
).rows({ id: z.string(), element: z.string() });

/** Runs the benchmark; see the module comment. */
export async function main(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { sample: { type: "string" }, "tx-memory": { type: "string" }, heap: { type: "string" } },
  });
  const folder = positionals[0];
  if (!folder) {
    process.stderr.write("usage: npm run bench:loader -- <dataset folder> [--sample 2000] [--tx-memory 768m]\n");
    process.exitCode = 2;
    return;
  }
  const sample = Number(values.sample ?? 2000);
  const txMemory = values["tx-memory"] ?? "768m";
  const heap = values.heap ?? "4g";

  const home = await mkdtemp(path.join(os.tmpdir(), "liaison-bench-loader-"));
  const db = await startBundledNeo4j({ home, boltPort: await freePort(), heap, pageCache: "2g", txMemory });
  const driver = createDriver(db);
  const runner = new QueryRunner(driver, undefined, 60_000);
  try {
    await applySchema(runner);
    let peakRss = 0;
    const rss = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    // The publishing transaction's memory, as Neo4j estimates it, polled from another session.
    let publishBytes = 0;
    let polling: NodeJS.Timeout | undefined;
    const poll = () => {
      polling ??= setInterval(async () => {
        const session = driver.session();
        try {
          const result = await session.run(
            "SHOW TRANSACTIONS YIELD metaData, estimatedUsedHeapMemory, currentQueryAllocatedBytes RETURN metaData.query AS q, estimatedUsedHeapMemory AS heap, currentQueryAllocatedBytes AS allocated",
          );
          for (const record of result.records) {
            if (String(record.get("q") ?? "").startsWith("dataset/publish"))
              publishBytes = Math.max(
                publishBytes,
                Number(record.get("heap") ?? 0),
                Number(record.get("allocated") ?? 0),
              );
          }
        } catch {
          // a poll may race the transaction's end
        } finally {
          await session.close();
        }
      }, 250);
    };
    const print = progressPrinter((line) => process.stdout.write(`${line}\n`), 0);
    const started = Date.now();
    const result = await loadDataset(runner, folder, {
      progress: (p) => {
        if (p.phase === "publishing") poll();
        print(p);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    clearInterval(polling);
    clearInterval(rss);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    const nodes = Object.values(result.nodes).reduce((a, b) => a + b, 0);
    const relationships = Object.values(result.relationships).reduce((a, b) => a + b, 0);

    // Baseline: the same node rows, one transaction per row.
    const data = new StreamedDataset(folder);
    await data.scan();
    const resolver = recordResolver({ sourceText: (id) => data.sourceText(id), actorName: (id) => data.actorName(id) });
    const rows: { label: string; row: { id: string; props: Record<string, unknown> } }[] = [];
    for await (const record of data.records()) {
      if (record.kind === "source") continue;
      const resolved =
        record.kind === "actor"
          ? resolver.actor(record.value)
          : record.kind === "forum"
            ? resolver.forum(record.value)
            : record.kind === "event"
              ? resolver.event(record.value)
              : resolver.claim(record.value);
      for (const { label, row } of resolved.nodes)
        rows.push({ label, row: { id: row.id, props: toNeo4jProps(row.props) } });
      if (rows.length >= sample) break;
    }
    const baselineStarted = Date.now();
    for (const { label, row } of rows.slice(0, sample))
      await runner.run(stageNodes, { rows: [row], label, dataset: "dataset:bench-baseline" });
    const baselineRowsPerS = rows.slice(0, sample).length / ((Date.now() - baselineStarted) / 1000);
    await clearStaged(runner, "dataset:bench-baseline");

    const rowsPerS = (nodes + relationships) / seconds;
    const figures = {
      dataset: result.datasetId,
      machine: { cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() },
      neo4j: { version: db.version, heap, pageCache: "2g", txMemory },
      seconds: Math.round(seconds * 10) / 10,
      nodes,
      relationships,
      nodesPerS: Math.round(nodes / seconds),
      relationshipsPerS: Math.round(relationships / seconds),
      rowsPerS: Math.round(rowsPerS),
      peakRssMB: Math.round(peakRss / 1e6),
      publishTxMB: Math.round(publishBytes / 1e6),
      baseline: { sample: rows.slice(0, sample).length, rowsPerS: Math.round(baselineRowsPerS) },
      ratio: Math.round((rowsPerS / baselineRowsPerS) * 10) / 10,
      targets: {
        "medium < 180 s": seconds < 180,
        "≥ 20,000 nodes/s": nodes / seconds >= 20_000,
        "≥ 8,000 relationships/s": relationships / seconds >= 8_000,
        "≥ 100× per-row": rowsPerS / baselineRowsPerS >= 100,
        "peak RSS < 1 GB": peakRss < 1e9,
      },
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    const out = fromRoot("bench", "results");
    await mkdir(out, { recursive: true });
    await writeFile(
      path.join(out, `loader-${new Date().toISOString().replaceAll(":", "-")}.json`),
      JSON.stringify(figures, null, 2),
    );
  } finally {
    await driver.close();
    await db.stop();
    await rm(home, { recursive: true, force: true });
  }
}
