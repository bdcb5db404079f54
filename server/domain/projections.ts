/**
 * What is derived from the loaded datasets after every load: the who-met-whom projection and the
 * dates summary. The loader runs it inside its transaction; start-up rebuilds it when a load was
 * not followed by one (an older version, or a rebuild cut short).
 */
import { z } from "zod";
import { int } from "../neo4j/columns.js";
import { defineQuery, type Query, type QueryRunner } from "../neo4j/query-runner.js";
import { type MetProjectionOptions, projectMeetings } from "./met-projection.js";

/** Runs one named query and returns its decoded rows: inside a transaction, or in a transaction of its own. */
export type Exec = <Params extends object, Row>(query: Query<Params, Row>, params: Params) => Promise<Row[]>;

/** Bumped when what is derived changes: a database built by another version is rebuilt at start. */
const PROJECTION_VERSION = 2;

const begin = defineQuery<{ version: number }>("projection/begin", "WRITE").rows({ id: z.string() });
const dates = defineQuery<Record<string, never>>("projection/dates", "WRITE").rows({ months: int() });
const nearest = defineQuery<{ dense: number; keep: number }>("projection/nearest", "WRITE").rows({ dense: int() });
/** Nodes with more stored relationships than this get a precomputed first ring, of this many neighbours. */
const DENSE = 1_000;
const NEAREST_KEPT = 1_000;
const done = defineQuery<Record<string, never>>("projection/done", "WRITE").rows({ datasets: z.array(z.string()) });
const state = defineQuery<Record<string, never>>("projection/state", "READ").rows({
  version: int().nullable(),
  state: z.string().nullable(),
  built: z.array(z.string()),
  current: z.array(z.string()),
  months: z.array(z.string()).nullable(),
  eventSpanDays: int().nullable(),
  claimSpanDays: int().nullable(),
  periodSpanDays: int().nullable(),
});

/**
 * Each query in a transaction of its own, with a long timeout: for a rebuild outside a load.
 * @example await refreshProjections(autoCommit(runner))
 */
export function autoCommit(runner: QueryRunner, timeoutMs = 600_000): Exec {
  return async (query, params) => (await runner.run(query, params, { timeoutMs })).rows;
}

export interface ProjectionResult {
  actors: number;
  pairs: number;
  pooled: number;
  months: number;
  ms: number;
}

/**
 * Rebuilds everything derived from the datasets. The dataset loader calls it with its
 * transaction's `run` after writing the rows.
 * @example await refreshProjections(run) // inside runner.transaction("WRITE", …, async (run) => …)
 */
export async function refreshProjections(exec: Exec, options: MetProjectionOptions = {}): Promise<ProjectionResult> {
  const started = Date.now();
  await exec(begin, { version: PROJECTION_VERSION });
  const met = await projectMeetings(exec, options);
  await exec(nearest, { dense: DENSE, keep: NEAREST_KEPT });
  const [summary] = await exec(dates, {});
  await exec(done, {});
  return { ...met, months: summary?.months ?? 0, ms: Date.now() - started };
}

/** The dates summary the projection keeps, or null when none was built. */
interface DatesSummary {
  months: string[];
  eventSpanDays: number;
  claimSpanDays: number;
  periodSpanDays: number;
}

export interface ProjectionState {
  /** True when the derived data is complete and was built by this version from the datasets held now. */
  current: boolean;
  dates: DatesSummary | null;
}

/** Reads whether the derived data is current, and the dates summary. */
export async function projectionState(runner: QueryRunner, signal?: AbortSignal): Promise<ProjectionState> {
  const [row] = (await runner.run(state, {}, { signal })).rows;
  const built = row?.built ?? [];
  const current = row?.current ?? [];
  const months = row?.months;
  return {
    current:
      row?.version === PROJECTION_VERSION &&
      row.state === "done" &&
      built.length === current.length &&
      built.every((key, index) => key === current[index]),
    dates: months
      ? {
          months,
          eventSpanDays: row?.eventSpanDays ?? 0,
          claimSpanDays: row?.claimSpanDays ?? 0,
          periodSpanDays: row?.periodSpanDays ?? 0,
        }
      : null,
  };
}

/**
 * At start-up: rebuilds the derived data when it does not match the datasets held (a database
 * loaded before this version, or a rebuild cut short), in transactions of its own.
 * @example await ensureProjections(runner, (line) => console.log(line))
 */
export async function ensureProjections(runner: QueryRunner, say: (line: string) => void): Promise<boolean> {
  const { current } = await projectionState(runner);
  if (current) return false;
  say("Deriving who met whom and the dates summary from the loaded datasets…");
  const result = await refreshProjections(autoCommit(runner));
  say(`  ${result.pairs} pairs who met, ${result.months} months with dates (${(result.ms / 1000).toFixed(1)} s)`);
  return true;
}
