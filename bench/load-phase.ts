/**
 * The load figures: `npm run load`'s own code run as a child process on a throw-away data folder
 * (LIAISON_DATA_DIR), so whichever loading path the CLI takes for the dataset is what is measured,
 * with the child's peak RSS read from /proc.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import readline from "node:readline";
import { fromRoot } from "../server/lib/project-root.js";
import { freePort } from "../server/neo4j/bundled.js";
import { loadAverage } from "./machine.js";
import { round } from "./stats.js";

export interface Neo4jMemory {
  heap: string;
  pageCache: string;
  txMemory: string;
}

export interface LoadFigures {
  /**
   * From "Loading into …" to "Loaded …": the load itself, without validating a small dataset first
   * or starting Neo4j (both timed apart below).
   */
  seconds: number;
  /** The child's whole life: validation, Neo4j's start, the load and Neo4j's stop. */
  wallSeconds: number;
  /** Validating before Neo4j starts (the CLI does it for datasets under the streaming threshold), with Node's start. */
  validateSeconds: number;
  neo4jStartSeconds: number;
  nodes: number;
  relationships: number;
  nodesPerS: number;
  relationshipsPerS: number;
  rowsPerS: number;
  /** The child's peak resident memory (VmHWM), in MB. */
  peakRssMB: number;
  loadAverage: { start: number[]; end: number[] };
  /** The CLI's output, for the record (progress lines trimmed to the last 40). */
  log: string[];
}

/** Reads a /proc/<pid>/status field in kB, or 0 when the process is gone. */
async function statusKb(pid: number, field: string): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Sums the counts of a "  nodes: 14 Source, 1262 Passage, …" line of the CLI. */
function sumCounts(line: string | undefined): number {
  // Thousands may come with separators ("10,365 Passage").
  return [...(line ?? "").matchAll(/(\d[\d,]*) [A-Za-z_]+/g)].reduce(
    (sum, match) => sum + Number(String(match[1]).replaceAll(",", "")),
    0,
  );
}

/** Where the CLI loads: a bundled Neo4j in this data folder, or a running Neo4j. */
export type LoadTarget = { dataDir: string } | { external: { uri: string; user: string; password: string } };

/**
 * `npm run load`'s own command line (package.json), without `node`: its Node flags are part of
 * what is measured (a larger young generation: the load allocates a short-lived object per field).
 */
async function loadCommand(): Promise<string[]> {
  const scripts = JSON.parse(await readFile(fromRoot("package.json"), "utf8")).scripts as Record<string, string>;
  const [node, ...args] = (scripts.load ?? "").split(/\s+/);
  if (node !== "node" || args.length === 0)
    throw new Error(`bench: package.json's load script is not a node command: ${scripts.load}`);
  return args;
}

/**
 * Loads `folder` with `npm run load`'s code into the target.
 * @example await measureLoad(".bench-data/small-seed1", { dataDir: "/tmp/home" }, { heap: "1g", pageCache: "256m", txMemory: "512m" }, console.log)
 */
export async function measureLoad(
  folder: string,
  target: LoadTarget,
  memory: Neo4jMemory,
  say: (line: string) => void,
): Promise<LoadFigures> {
  const { NEO4J_URI: _uri, NEO4J_USER: _user, NEO4J_PASSWORD: _password, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv =
    "dataDir" in target
      ? {
          ...inherited,
          LIAISON_DATA_DIR: target.dataDir,
          LIAISON_NEO4J_BOLT_PORT: String(await freePort()),
          LIAISON_NEO4J_HEAP: memory.heap,
          LIAISON_NEO4J_PAGE_CACHE: memory.pageCache,
          LIAISON_NEO4J_TX_MEMORY: memory.txMemory,
        }
      : {
          ...inherited,
          NEO4J_URI: target.external.uri,
          NEO4J_USER: target.external.user,
          NEO4J_PASSWORD: target.external.password,
        };
  const startLoad = loadAverage();
  const started = performance.now();
  const child = spawn(process.execPath, [...(await loadCommand()), folder], {
    cwd: fromRoot(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid ?? 0;
  let peakKb = 0;
  const poll = setInterval(async () => {
    peakKb = Math.max(peakKb, await statusKb(pid, "VmHWM"));
  }, 200);
  const lines: { at: number; text: string }[] = [];
  readline.createInterface({ input: child.stdout }).on("line", (text) => {
    lines.push({ at: performance.now() - started, text });
    // The CLI's progress, for people watching (it prints every few seconds).
    say(`  load: ${text}`);
    void statusKb(pid, "VmHWM").then((kb) => {
      peakKb = Math.max(peakKb, kb);
    });
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  clearInterval(poll);
  const wall = performance.now() - started;
  if (code !== 0)
    throw new Error(
      `bench: npm run load -- ${path.relative(fromRoot(), folder)} failed (${code}): ${errors.slice(-2000)}`,
    );

  const at = (pattern: RegExp) => lines.find((line) => pattern.test(line.text));
  // A small dataset is validated before Neo4j starts ("… is valid: …"); a large one as it loads.
  const validated = at(/ is valid: /);
  const ready = at(/Bundled Neo4j .*ready at/);
  const loading = at(/^Loading into /);
  const loaded = at(/^Loaded /);
  // Another loading path may word its lines differently: then from Neo4j's readiness (or the
  // start) to the child's exit, which is longer, never shorter, than the load.
  const seconds = ((loaded?.at ?? wall) - (loading?.at ?? ready?.at ?? 0)) / 1000;
  const nodes = sumCounts(at(/^\s+nodes: /)?.text);
  const relationships = sumCounts(at(/^\s+relationships: /)?.text);
  return {
    seconds: round(seconds, 1),
    wallSeconds: round(wall / 1000, 1),
    validateSeconds: round((validated?.at ?? 0) / 1000, 1),
    neo4jStartSeconds: round(ready ? (ready.at - (validated?.at ?? 0)) / 1000 : 0, 1),
    nodes,
    relationships,
    nodesPerS: Math.round(nodes / seconds),
    relationshipsPerS: Math.round(relationships / seconds),
    rowsPerS: Math.round((nodes + relationships) / seconds),
    peakRssMB: Math.round(peakKb / 1024),
    loadAverage: { start: startLoad, end: loadAverage() },
    log: lines.map((line) => `${round(line.at / 1000, 1)}s ${line.text}`).slice(-40),
  };
}
