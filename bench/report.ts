/** The benchmark's result: the JSON written under bench/results/ and the table printed for people. */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Machine, Versions } from "./machine.js";
import { type EndpointPlans, formatPlans } from "./plans.js";
import type { Figures, TargetCheck } from "./targets.js";

export interface BenchResult extends Figures {
  when: string;
  size: string;
  seed: number | null;
  /** The dataset folder loaded, or the data folder reused (`--data`). */
  data: string;
  settings: {
    requests: number;
    clients: number;
    seconds: number;
    firstViews: number;
    sample: number;
    /** `--only`: the words that chose which endpoints were measured (absent: all). */
    only?: string[];
  };
  /** Which Neo4j: a throw-away bundled one, or the one NEO4J_URI names. */
  neo4j?: string;
  /** The bundled Neo4j's memory (not applied to an external one). */
  neo4jMemory: { heap: string; pageCache: string; txMemory: string };
  machine: Machine;
  versions: Versions;
  targets: TargetCheck[];
  /** The PROFILE of every query the endpoints ran. */
  plans?: EndpointPlans[];
  /** Why the run stopped before the end, when it did. */
  error?: string;
}

/** Writes the result as JSON to `file`. */
export async function writeResult(result: BenchResult, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
}

const pad = (text: unknown, width: number, right = false) =>
  right ? String(text).padStart(width) : String(text).padEnd(width);

/** The tables, as lines of text. */
export function formatResult(r: BenchResult): string[] {
  const lines: string[] = [];
  if (r.error) lines.push(`STOPPED EARLY: ${r.error}`, "");
  const la = (l: { start: number[]; end?: number[] | undefined }) => `load ${l.start[0]}→${l.end?.[0] ?? "?"}`;
  lines.push(
    `Liaison bench: ${r.size}${r.seed === null ? "" : ` seed ${r.seed}`}, ${r.when}, commit ${r.versions.commit}`,
    `  ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB; load average ${r.machine.loadAverage.start.join(" ")} at start, ${r.machine.loadAverage.end?.join(" ") ?? "?"} at end`,
    `  Node ${r.versions.node}, Neo4j ${r.versions.neo4j ?? "?"} ${r.neo4j ?? ""} (heap ${r.neo4jMemory.heap}, page cache ${r.neo4jMemory.pageCache}, tx ${r.neo4jMemory.txMemory}), Chromium ${r.versions.chromium ?? "not run"}`,
    "",
  );
  if (r.load) {
    const l = r.load;
    lines.push(
      `Load (npm run load in a child): ${l.nodes} nodes, ${l.relationships} relationships in ${l.seconds} s → ${l.nodesPerS} nodes/s, ${l.relationshipsPerS} relationships/s; peak RSS ${l.peakRssMB} MB (${la(l.loadAverage)})`,
      `  child ${l.wallSeconds} s in all: validation ${l.validateSeconds} s, Neo4j start ${l.neo4jStartSeconds} s`,
    );
  } else lines.push("Load: not measured (--data reuses a loaded database)");
  if (r.baseline) {
    const b = r.baseline;
    lines.push(
      `  per-row baseline: ${b.nodes} nodes + ${b.relationships} relationships, one transaction each, ${b.rowsPerS} rows/s (${la(b.loadAverage)})`,
    );
  }
  lines.push(
    "",
    `Endpoints: ${r.settings.requests} requests each, HTTP and bare driver alternately; ms`,
    `${pad("endpoint", 42)} ${pad("HTTP p50", 9, true)} ${pad("p95", 8, true)} ${pad("driver p50", 11, true)} ${pad("p95", 8, true)} ${pad("ratio", 6, true)} ${pad("bytes", 9, true)}  load`,
  );
  for (const e of r.endpoints) {
    lines.push(
      `${pad(e.name, 42)} ${pad(e.http.p50, 9, true)} ${pad(e.http.p95, 8, true)} ${pad(e.driver.p50, 11, true)} ${pad(e.driver.p95, 8, true)} ${pad(e.ratio ?? "–", 6, true)} ${pad(e.bytes, 9, true)}  ${e.loadAverage.start[0]}`,
    );
  }
  if (r.throughput.length > 0) {
    lines.push(
      "",
      `Throughput: ${r.settings.clients} concurrent clients, ${r.settings.seconds} s each; requests/s`,
      `${pad("endpoint", 42)} ${pad("Express", 9, true)} ${pad("node:http", 10, true)} ${pad("ratio", 6, true)}  load`,
    );
    for (const t of r.throughput) {
      lines.push(
        `${pad(t.name, 42)} ${pad(t.express.requestsPerS, 9, true)} ${pad(t.bare.requestsPerS, 10, true)} ${pad(t.ratio ?? "–", 6, true)}  ${t.loadAverage.start[0]}`,
      );
    }
  }
  lines.push(
    "",
    r.firstView
      ? `First view in Chromium: median ${r.firstView.medianMs} ms (${r.firstView.ms.join(", ")}), ${r.firstView.nodes} nodes drawn (${la(r.firstView.loadAverage)})`
      : "First view in Chromium: not measured",
    "",
    ...(r.plans ? [...formatPlans(r.plans), ""] : []),
    `Targets (issue 10; measured on ${r.size})`,
  );
  for (const t of r.targets) {
    const verdict = t.met === null ? "–" : t.met ? "met" : "MISSED";
    const note = t.forSize !== "any" && t.forSize !== r.size ? ` [target is for ${t.forSize}]` : "";
    lines.push(`  ${pad(verdict, 6)} ${t.target}: ${t.figure}${note}`);
  }
  return lines;
}
