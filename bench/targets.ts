/** Issue 10's targets, each checked against the figures of a run: met, missed, or not measured (never an assertion: times are the machine's). */
import type { BaselineFigures } from "./baseline.js";
import type { FirstViewFigures } from "./first-view.js";
import type { LatencyRow } from "./latency.js";
import type { LoadFigures } from "./load-phase.js";
import type { ThroughputRow } from "./throughput.js";

export interface TargetCheck {
  target: string;
  /** The size the issue sets the target for; a run on another size reports it for orientation only. */
  forSize: "medium" | "large" | "any";
  figure: string;
  /** null: not measured in this run (or not applicable, e.g. a driver p50 under 20 ms). */
  met: boolean | null;
}

export interface Figures {
  load?: LoadFigures | undefined;
  baseline?: BaselineFigures | undefined;
  endpoints: LatencyRow[];
  throughput: ThroughputRow[];
  firstView?: FirstViewFigures | undefined;
}

/** The HTTP-vs-driver target applies to endpoints whose bare driver p50 is at least this, in ms (issue 10). */
const RATIO_FROM_MS = 20;

export function checkTargets(f: Figures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (target: string, forSize: TargetCheck["forSize"], figure: string, met: boolean | null) =>
    checks.push({ target, forSize, figure, met });
  const { load, baseline } = f;
  add("load in < 3 min", "medium", load ? `${load.seconds} s` : "not measured", load ? load.seconds < 180 : null);
  add(
    "≥ 20,000 nodes/s",
    "medium",
    load ? `${load.nodesPerS} nodes/s` : "not measured",
    load ? load.nodesPerS >= 20_000 : null,
  );
  add(
    "≥ 8,000 relationships/s",
    "medium",
    load ? `${load.relationshipsPerS} relationships/s` : "not measured",
    load ? load.relationshipsPerS >= 8_000 : null,
  );
  const times = load && baseline ? load.rowsPerS / baseline.rowsPerS : undefined;
  add(
    "≥ 100× the per-row baseline",
    "medium",
    times === undefined ? "not measured" : `${times.toFixed(1)}× (${load?.rowsPerS} vs ${baseline?.rowsPerS} rows/s)`,
    times === undefined ? null : times >= 100,
  );
  add(
    "peak Node RSS of the load < 1 GB",
    "medium",
    load ? `${load.peakRssMB} MB` : "not measured",
    load ? load.peakRssMB * 2 ** 20 < 1e9 : null,
  );

  const p95 = (target: string, prefix: string, limitMs: number) => {
    const rows = f.endpoints.filter((row) => row.name.startsWith(prefix));
    if (rows.length === 0) add(target, "large", "not measured", null);
    for (const row of rows) add(`${target} (${row.name})`, "large", `p95 ${row.http.p95} ms`, row.http.p95 < limitMs);
  };
  p95("first view (network) p95 < 500 ms", "network (first view)", 500);
  p95("meetings of the biggest hub p95 < 300 ms", "meetings of the hub", 300);
  p95("capped 2-hop neighbourhood p95 < 100 ms", "neighbourhood of the hub, 2-hop", 100);
  p95("search p95 < 100 ms", "search", 100);
  p95("timeline page p95 < 200 ms", "timeline page", 200);

  for (const row of f.endpoints) {
    const applies = row.driver.p50 >= RATIO_FROM_MS;
    add(
      `HTTP p50 ≤ 1.15× driver (${row.name})`,
      "any",
      `${row.http.p50} vs ${row.driver.p50} ms (${row.ratio ?? "–"}×)${applies ? "" : `; driver p50 < ${RATIO_FROM_MS} ms: no target`}`,
      applies && row.ratio !== null ? row.ratio <= 1.15 : null,
    );
  }
  for (const row of f.throughput) {
    add(
      `Express ≥ 0.8× bare node:http requests/s (${row.name})`,
      "any",
      `${row.express.requestsPerS} vs ${row.bare.requestsPerS} req/s (${row.ratio ?? "–"}×)`,
      row.ratio === null ? null : row.ratio >= 0.8,
    );
  }
  const view = f.firstView;
  add(
    "first view drawn < 2 s after navigation",
    "large",
    view ? `median ${view.medianMs} ms of ${view.runs}` : "not measured",
    view ? view.medianMs < 2000 : null,
  );
  return checks;
}
