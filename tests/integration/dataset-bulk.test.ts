import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/app.js";
import { main } from "../../server/cli/load.js";
import { bulkImport, importHomeOf } from "../../server/dataset/bulk-import.js";
import { loadDataset } from "../../server/dataset/load.js";
import { MEETING_KINDS } from "../../server/domain/met-projection.js";
import { createLogger } from "../../server/lib/logger.js";
import { projectRoot } from "../../server/lib/project-root.js";
import { type BundledNeo4j, freePort, startBundledNeo4j } from "../../server/neo4j/bundled.js";
import { createDriver } from "../../server/neo4j/connect.js";
import { QueryRunner } from "../../server/neo4j/query-runner.js";
import { generate } from "../../server/synth/generate.js";
import { serve } from "../support/http.js";
import { resetGraph, testConfig, testDriver, testNeo4j, testRunner } from "../support/neo4j.js";

const seed = path.join(projectRoot, "data/seed");

let dir: string;
let tiny: string;
let seedUndated: string;
let testDb: Driver;

/**
 * The seed with the date of every other meeting-like event removed: pairs who only met undated
 * (MET with empty years, no first/last) and pairs who met both dated and undated, which neither
 * the seed nor the generated datasets have.
 */
async function seedWithUndatedMeetings(out: string): Promise<void> {
  await cp(seed, out, { recursive: true });
  const file = path.join(out, "events.yaml");
  const [head, ...items] = (await readFile(file, "utf8")).split(/^(?= {2}- id: )/m);
  let meetings = 0;
  const edited = items.map((item) => {
    const meeting = MEETING_KINDS.some((kind) => new RegExp(`^ {4}kind: "?${kind}"?$`, "m").test(item));
    if (!meeting || meetings++ % 2 === 1) return item;
    return item.replace(/^ {4}date:.*\n(?: {6,}.*\n)*/m, "");
  });
  await writeFile(file, [head, ...edited].join(""));
}

/**
 * Line breaks of each kind the bulk CSV writes on one line (bulk-csv.ts LINE_FEED): the source
 * text ends with `\r\n` lines and a lone `\r`; an actor gets an alias (a list element) that
 * spans lines and a description with a lone `\r`, and its first role (a HOLDS_ROLE relationship)
 * a title on two lines. Quotes and furniture are untouched.
 */
async function withLineBreaks(out: string): Promise<void> {
  await appendFile(
    path.join(out, "sources/moscow-beijing-no-limits-partnership.txt"),
    "\r\nAppendix: line one\r\nline two\rline three\r\n",
  );
  const file = path.join(out, "actors.yaml");
  const text = await readFile(file, "utf8");
  const edited = text
    .replace(
      "    aliases: [Putin]\n",
      '    aliases: [Putin, "Vladimir\\nVladimirovich\\r\\nPutin"]\n    description: "President\\rof Russia"\n',
    )
    .replace("      - title: President\n", '      - title: "President\\nof the Russian Federation"\n');
  expect(edited).not.toBe(text);
  await writeFile(file, edited);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-bulk-"));
  tiny = path.join(dir, "tiny");
  seedUndated = path.join(dir, "seed-undated");
  await generate({ size: "tiny", seed: 3, out: tiny });
  await seedWithUndatedMeetings(seedUndated);
  await withLineBreaks(seedUndated);
  testDb = testDriver();
});

afterAll(async () => {
  await testDb?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The environment of `npm run load` on a bundled Neo4j of its own, in a data folder of its own. */
async function bundledEnv(name: string) {
  return {
    ...process.env,
    NEO4J_URI: "",
    LIAISON_DATA_DIR: path.join(dir, name),
    LIAISON_NEO4J_BOLT_PORT: String(await freePort()),
    LIAISON_NEO4J_HEAP: "768m",
    LIAISON_NEO4J_PAGE_CACHE: "64m",
    LIAISON_NEO4J_TX_MEMORY: "256m",
  };
}

/** Starts the bundled Neo4j of a data folder (waiting while a killed load's processes let go of it). */
async function startOn(dataDir: string): Promise<BundledNeo4j> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await startBundledNeo4j({
        home: path.join(dataDir, "neo4j"),
        boltPort: await freePort(),
        heap: "768m",
        pageCache: "64m",
        readyTimeoutMs: 300_000,
      });
    } catch (error) {
      if ((error as { code?: string }).code !== "DATA_DIR_IN_USE" || attempt > 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

type Dump = { nodes: unknown[]; relationships: unknown[] };

/** The property keys a dump holds, nodes' and relationships' apart: what its comparison covers. */
const keysOf = (rows: unknown[]) =>
  new Set(rows.flatMap((row) => (row as { props: [string, string, unknown][] }).props.map(([key]) => key)));

/**
 * Everything the database holds, ignoring element ids: each node's labels and every property
 * with its Cypher type (`valueType`), each relationship's ends, type and properties likewise.
 * The Dataset node's loadedAt (a time), the Projection node's stamp (a random id, new at every
 * projection/done) and the footprint (recorded by the one-transaction path only) are left out.
 */
async function dump(driver: Driver, database?: string): Promise<Dump> {
  const typed = (props: [string, string, unknown][]) => props.sort(([a], [b]) => a.localeCompare(b));
  const run = async (cypher: string) =>
    (await driver.executeQuery(cypher, {}, database ? { database } : {})).records.map((r) => r.toObject());
  const nodes = (
    await run(
      "MATCH (n) RETURN labels(n) AS labels, [k IN keys(n) WHERE NOT k IN ['loadedAt', 'stamp', 'footprintNodes', 'footprintFrom', 'footprintTo'] | [k, valueType(n[k]), n[k]]] AS props",
    )
  ).map((row) => ({ labels: [...(row.labels as string[])].sort(), props: typed(row.props as never) }));
  const relationships = (
    await run(
      "MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, [k IN keys(r) | [k, valueType(r[k]), r[k]]] AS props",
    )
  ).map((row) => ({ ...row, props: typed(row.props as never) }));
  const key = (value: unknown) => JSON.stringify(value);
  return {
    nodes: nodes.sort((a, b) => key(a).localeCompare(key(b))),
    relationships: relationships.sort((a, b) => key(a).localeCompare(key(b))),
  };
}

/** Who to ask the API about: the actor in the most events, the first claim with evidence, a word of the actor's name. */
async function subjects(driver: Driver, database?: string) {
  const { records } = await driver.executeQuery(
    `MATCH (a:Actor)-[:PARTICIPATED_IN]->() WITH a, count(*) AS events ORDER BY events DESC, a.id LIMIT 1
     MATCH (c:Claim)-[:EVIDENCED_BY]->() WITH a, c ORDER BY c.id LIMIT 1
     RETURN a.id AS actor, split(a.name, " ")[0] AS word, c.id AS claim`,
    {},
    database ? { database } : {},
  );
  return records[0]?.toObject() as { actor: string; word: string; claim: string };
}

/** What the API answers on a database: search, who met whom, one claim's provenance; element ids masked. */
async function apiAnswers(runner: QueryRunner, { actor, word, claim }: { actor: string; word: string; claim: string }) {
  const config = testConfig();
  const server = await serve(
    createApp({ runner, config, logger: createLogger("silent"), neo4jInfo: { mode: "external", uri: "bolt://test" } }),
  );
  try {
    const paths = [
      `/api/search?q=${encodeURIComponent(word)}`,
      "/api/meetings/network",
      `/api/meetings?actor=${encodeURIComponent(actor)}`,
      `/api/nodes/${encodeURIComponent(claim)}/provenance`,
    ];
    const answers: Record<string, unknown> = {};
    for (const p of paths) {
      const { status, body } = await server.get(p);
      expect(status, p).toBe(200);
      answers[p] = withoutCutTies(JSON.parse(JSON.stringify(body).replace(/\d+:[0-9a-f-]{36}:\d+/g, "<element>")));
    }
    return answers;
  } finally {
    await server.close();
  }
}

/**
 * Search hits without the last group of equal scores: where the limit cuts through hits that
 * score the same, which of them make it depends on the order the full-text index holds them in
 * (their order of insertion), not on the graph; so does the order among equal scores. The rest
 * must be the same hits with the same scores.
 */
function withoutCutTies(body: unknown): unknown {
  const hits = (body as { hits?: { score: number; id: string }[] }).hits;
  if (!Array.isArray(hits) || hits.length === 0) return body;
  const lowest = Math.min(...hits.map((hit) => hit.score));
  const kept = hits.filter((hit) => hit.score > lowest);
  return { ...(body as object), hits: kept.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)) };
}

/** Loads `folder` through the one-transaction path into the test Neo4j: its dump, the subjects asked about and the API's answers. */
async function byTransactionLoad(folder: string) {
  await resetGraph(testDb);
  await loadDataset(testRunner(testDb), folder, { mode: "transaction", timeoutMs: 240_000 });
  const byTransaction = await dump(testDb, testNeo4j().database);
  const asked = await subjects(testDb, testNeo4j().database);
  const apiByTransaction = await apiAnswers(testRunner(testDb), asked);
  return { byTransaction, asked, apiByTransaction };
}

/** Starts the bundled Neo4j of a data folder a bulk load wrote: its dump and the API's answers about `asked`. */
async function bulkLoaded(dataDir: string, asked: Awaited<ReturnType<typeof subjects>>) {
  const neo4j = await startOn(dataDir);
  const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  try {
    const byBulk = await dump(driver);
    const apiByBulk = await apiAnswers(new QueryRunner(driver, undefined, 30_000), asked);
    return { byBulk, apiByBulk };
  } finally {
    await driver.close();
    await neo4j.stop();
  }
}

/** Runs `npm run load -- <folder> --bulk` (its script, without npm) and SIGKILLs it when a line of its output matches. */
async function killedBulkLoad(folder: string, env: NodeJS.ProcessEnv, when: RegExp) {
  const cli = "dist/server/cli/load.js";
  expect(existsSync(path.join(projectRoot, cli)), "build the server first (npm run build:server)").toBe(true);
  const child = spawn(process.execPath, ["scripts/run-built.mjs", cli, folder, "--bulk"], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const watch = (chunk: Buffer) => {
    output += chunk;
    if (when.test(output)) child.kill("SIGKILL");
  };
  child.stdout.on("data", watch);
  child.stderr.on("data", watch);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("exit", (code, signal) => resolve([code, signal])),
  );
  return { code, signal, output };
}

/** The data folder of the killed load's test, which ends with tiny loaded: the tests after it read it. */
let killedEnv: Awaited<ReturnType<typeof bundledEnv>>;

describe("npm run load -- --bulk", () => {
  test("when the load is killed after the import, before it is finished, then the next start serves the empty database and deletes the half import; killed once it is complete, the next start serves the whole dataset", async () => {
    const env = await bundledEnv("killed");
    killedEnv = env;
    const home = path.join(env.LIAISON_DATA_DIR, "neo4j");

    const early = await killedBulkLoad(tiny, env, /importer: IMPORT DONE/);
    expect(early.signal, early.output).toBe("SIGKILL");
    let neo4j = await startOn(env.LIAISON_DATA_DIR);
    let driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      const { records } = await driver.executeQuery("MATCH (n) WHERE NOT n:Projection RETURN count(n) AS n");
      expect(Number(records[0]?.get("n"))).toBe(0);
      expect(existsSync(importHomeOf(home))).toBe(false);
    } finally {
      await driver.close();
      await neo4j.stop();
    }

    const late = await killedBulkLoad(tiny, env, /Restarting the bundled Neo4j/);
    expect(late.signal, late.output).toBe("SIGKILL");
    expect(existsSync(path.join(importHomeOf(home), "complete"))).toBe(true);
    neo4j = await startOn(env.LIAISON_DATA_DIR);
    driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      const { records } = await driver.executeQuery(
        `MATCH (d:Dataset) WITH collect(d.id) AS datasets
         MATCH (p:Projection) RETURN datasets, p.state AS state, COUNT { ()-[:MET]->() } AS met, COUNT { (:Claim) } AS claims`,
      );
      expect(records[0]?.get("datasets")).toEqual(["dataset:synth-tiny-3"]);
      expect(records[0]?.get("state")).toBe("done");
      expect(Number(records[0]?.get("met"))).toBeGreaterThan(0);
      expect(Number(records[0]?.get("claims"))).toBeGreaterThan(0);
      expect(existsSync(importHomeOf(home))).toBe(false);
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 900_000);

  test("when a generated dataset is loaded through the bulk importer (the killed load above, completed at the next start), then the graph equals the one-transaction load's, type for type, and the API answers the same", async () => {
    const { byTransaction, asked, apiByTransaction } = await byTransactionLoad(tiny);
    const { byBulk, apiByBulk } = await bulkLoaded(killedEnv.LIAISON_DATA_DIR, asked);
    expect(byBulk.nodes.length).toBeGreaterThan(2_000);
    expect(byBulk.relationships.length).toBeGreaterThan(5_000);
    // The who-met-whom ranks and pool, which the bulk load computes as it writes MET (bulk-ranks.ts), are compared too.
    expect(keysOf(byTransaction.nodes)).toContain("metRank");
    expect(keysOf(byTransaction.relationships)).toContain("pool");
    expect(byBulk).toEqual(byTransaction);
    expect(apiByBulk).toEqual(apiByTransaction);
  }, 600_000);

  test("when the seed, with some pairs who met only undated and some who met dated and undated, and texts and list elements with line breaks (\\n, \\r\\n, a lone \\r), is loaded with --bulk, then the graph equals the one-transaction load's (who met whom and every text included, type for type) and the API answers the same", async () => {
    const { byTransaction, asked, apiByTransaction } = await byTransactionLoad(seedUndated);
    const values = byTransaction.nodes.flatMap((node) =>
      (node as { props: [string, string, unknown][] }).props.map(([, , value]) => value),
    );
    expect(values).toContainEqual(expect.stringContaining("line one\r\nline two\rline three\r\n"));
    expect(values).toContainEqual(expect.arrayContaining(["Vladimir\nVladimirovich\r\nPutin"]));
    expect(values).toContain("President\rof Russia");
    const titles = byTransaction.relationships.flatMap((rel) =>
      (rel as { props: [string, string, unknown][] }).props.filter(([key]) => key === "title").map(([, , v]) => v),
    );
    expect(titles).toContain("President\nof the Russian Federation");
    const met = byTransaction.relationships
      .filter((row) => (row as { type: string }).type === "MET")
      .map((row) => JSON.stringify(row));
    expect(met.some((row) => row.includes('["years","LIST<NOTHING> NOT NULL",[]]'))).toBe(true);
    expect(met.some((row) => row.includes('"undated"') && row.includes('"first"'))).toBe(true);
    expect(met.some((row) => row.includes('["pool","INTEGER NOT NULL"'))).toBe(true);
    expect(keysOf(byTransaction.nodes)).toContain("metRank");
    const env = await bundledEnv("seed");
    expect(await main([seedUndated, "--bulk"], env)).toBe(0);
    expect(existsSync(importHomeOf(path.join(env.LIAISON_DATA_DIR, "neo4j")))).toBe(false);
    const { byBulk, apiByBulk } = await bulkLoaded(env.LIAISON_DATA_DIR, asked);
    expect(byBulk).toEqual(byTransaction);
    expect(apiByBulk).toEqual(apiByTransaction);
  }, 600_000);

  test("when --bulk is given for a database Liaison does not own (NEO4J_URI), then it is a usage error saying why", async () => {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      expect(await main([tiny, "--bulk"], { ...process.env, NEO4J_URI: "bolt://127.0.0.1:1" })).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(lines.join("")).toMatch(/NEO4J_URI/);
  });

  test("when an event and a claim (checked by the worker thread) refer to ids no record has, then the built CLI names both problems in file order, exits 1 and imports nothing", async () => {
    const broken = path.join(dir, "tiny-dangling");
    await cp(tiny, broken, { recursive: true });
    const edit = async (file: string, from: string, to: string) => {
      const text = await readFile(path.join(broken, file), "utf8");
      expect(text).toContain(from);
      await writeFile(path.join(broken, file), text.replace(from, to));
    };
    await edit("events.yaml", 'participants: [{"actor":"actor:', 'participants: [{"actor":"actor:nobody-');
    await edit("claims.yaml", 'about: ["actor:', 'about: ["actor:nobody-');
    const env = await bundledEnv("dangling");
    const { code, output } = await killedBulkLoad(broken, env, /(?!)/);
    expect(code, output).toBe(1);
    expect(output).toContain("has 2 problem(s); nothing was loaded.");
    const problems = output.split("\n").filter((line) => line.includes("no record has the id"));
    expect(problems).toEqual([
      expect.stringMatching(
        /^ {2}events\.yaml:\d+ events\[0\]\.participants\[0\]\.actor actor: no record has the id "actor:nobody-/,
      ),
      expect.stringMatching(/^ {2}claims\.yaml:\d+ claims\[0\]\.about\[0\] about: no record has the id "actor:nobody-/),
    ]);
    expect(existsSync(importHomeOf(path.join(env.LIAISON_DATA_DIR, "neo4j")))).toBe(false);
  }, 300_000);

  test("when the import's own Neo4j fails (here it cannot start), then the load fails naming its logs and keeps only them; the next bulk load deletes them and completes", async () => {
    const home = path.join(dir, "logs-kept", "neo4j");
    const said: string[] = [];
    const options = { home, heap: "768m", pageCache: "64m", say: (line: string) => said.push(line) };
    const failed = bulkImport(tiny, { ...options, txMemory: "not-a-size" });
    await expect(failed).rejects.toThrow(`See ${path.join(importHomeOf(home), "logs")} for details`);
    expect(await readdir(importHomeOf(home))).toEqual(["logs"]);
    // The importer's account is among them (and Neo4j's own, when it ran: a failed index says why there).
    expect(await readFile(path.join(importHomeOf(home), "logs", "debug.log"), "utf8")).toContain("Import completed");
    expect(said).toContain(
      `The Neo4j logs of the failed import are kept in ${path.join(importHomeOf(home), "logs")} until the next start or load.`,
    );
    await writeFile(path.join(importHomeOf(home), "logs", "read-by-the-operator"), "");
    const result = await bulkImport(tiny, { ...options, txMemory: "256m" });
    expect(result.nodes.Actor).toBeGreaterThan(0);
    expect(existsSync(path.join(importHomeOf(home), "complete"))).toBe(true);
    expect(existsSync(path.join(importHomeOf(home), "logs", "read-by-the-operator"))).toBe(false);
  }, 300_000);

  test("when --bulk is given for a database that holds a dataset, then it is a usage error and the database is unchanged", async () => {
    const env = { ...killedEnv, LIAISON_NEO4J_BOLT_PORT: String(await freePort()) }; // tiny, loaded by the first test
    expect(await main([seed, "--bulk"], env)).toBe(2);
    const neo4j = await startOn(env.LIAISON_DATA_DIR);
    const driver = createDriver({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
    try {
      const { records } = await driver.executeQuery("MATCH (d:Dataset) RETURN collect(d.id) AS ids");
      expect(records[0]?.get("ids")).toEqual(["dataset:synth-tiny-3"]);
    } finally {
      await driver.close();
      await neo4j.stop();
    }
  }, 300_000);
});
