/**
 * What is derived from the loaded datasets after every load: the who-met-whom projection and the
 * dates summary. The loader runs it inside its transaction; start-up rebuilds it when a load was
 * not followed by one (an older version, or a rebuild cut short).
 */
import { z } from "zod";
import { int } from "../neo4j/columns.js";
import { defineQuery, type Query, type QueryRunner } from "../neo4j/query-runner.js";
import { storeOverview } from "./meeting-network.js";
import { type MetProjectionOptions, projectActors, projectMeetings } from "./met-projection.js";
import { backfillSpanClasses } from "./span-class-backfill.js";

/** Runs one named query and returns its decoded rows: inside a transaction, or in a transaction of its own. */
export type Exec = <Params extends object, Row>(query: Query<Params, Row>, params: Params) => Promise<Row[]>;

/**
 * Bumped when what is derived changes: a database built by another version is rebuilt at start
 * (4: span classes on events and claims, and the longest span of each in the dates summary; 5: the
 * overview's first view, stored).
 */
const PROJECTION_VERSION = 5;
/**
 * Bumped when how MET relationships and actors' `meetings` are derived changes (the costly part:
 * minutes on a big graph). A rebuild for a newer PROJECTION_VERSION keeps MET when it was built,
 * complete, by this MET_VERSION from the datasets held now: only what follows (ranks, pool, first
 * rings, dates) is made again. (Version 2 was the first whose MET had today's form; until version
 * 3 the projection's version stood for both.)
 */
const MET_VERSION = 2;

const begin = defineQuery<{ version: number }>("projection/begin", "WRITE").rows({ id: z.string() });
const dates = defineQuery<Record<string, never>>("projection/dates", "WRITE").rows({ months: int() });
const denseNodes = defineQuery<{ dense: number }>("projection/dense-nodes", "READ").rows({ ids: z.array(z.string()) });
const nearestOf = defineQuery<{ ids: string[]; dense: number; keep: number }>("projection/nearest-of", "WRITE").rows({
  dense: int(),
});
/** Nodes with more stored relationships than this get a precomputed first ring, of this many neighbours. */
const DENSE = 1_000;
const NEAREST_KEPT = 1_000;
const done = defineQuery<{ metVersion: number }>("projection/done", "WRITE").rows({ datasets: z.array(z.string()) });
const metCounts = defineQuery<Record<string, never>>("meetings/pair-count", "READ").rows({ pairs: int() });
const touchedActors = defineQuery<{ held: string[]; ends: string[] }>("meetings/touched-actors", "READ").rows({
  actors: z.array(z.string()),
});
const monthsOf = defineQuery<{ ids: string[] }>("projection/months-of", "READ").rows({ months: z.array(z.string()) });
const datesMerge = defineQuery<{ candidates: string[]; ids: string[] }>("projection/dates-merge", "WRITE").rows({
  months: int(),
});
const state = defineQuery<Record<string, never>>("projection/state", "READ").rows({
  version: int().nullable(),
  metVersion: int().nullable(),
  state: z.string().nullable(),
  built: z.array(z.string()),
  current: z.array(z.string()),
  months: z.array(z.string()).nullable(),
  eventClassSpans: z.array(int()).nullable(),
  claimClassSpans: z.array(int()).nullable(),
  periodClassSpans: z.array(int()).nullable(),
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
export async function refreshProjections(
  exec: Exec,
  options: MetProjectionOptions & {
    /** Called as each part ends, with its name: where a rebuild's time goes (the bulk load's steps). */
    stepDone?: (step: string) => void;
  } = {},
): Promise<ProjectionResult> {
  const started = Date.now();
  await exec(begin, { version: PROJECTION_VERSION });
  const met = await projectMeetings(exec, options);
  await storeOverview(exec);
  const projected = options.projected;
  options.stepDone?.(
    projected?.pooled !== undefined
      ? "Dataset node and overview"
      : projected
        ? "MET ranks and pool"
        : "MET, ranks and pool",
  );
  const [dense] = await exec(denseNodes, { dense: DENSE });
  await exec(nearestOf, { ids: dense?.ids ?? [], dense: DENSE, keep: NEAREST_KEPT });
  options.stepDone?.("first rings");
  // Nodes loaded before span classes existed get them first: the dates summary reads them.
  await backfillSpanClasses(exec);
  const [summary] = await exec(dates, {});
  await exec(done, { metVersion: MET_VERSION });
  return { ...met, months: summary?.months ?? 0, ms: Date.now() - started };
}

/** What a one-transaction load's nodes and relationships are: see server/dataset/footprint.ts. */
export interface Footprint {
  /** Ids of the nodes the dataset holds. */
  held: string[];
  /** Ids of the ends of its relationships. */
  ends: string[];
}

/** The actors whose MET a footprint can change, and the months its events and claims fall in. */
export interface Touched {
  actors: string[];
  months: string[];
  /** The footprint's nodes (held and ends): whose neighbours may have changed. */
  nodes: string[];
}

/**
 * What a footprint touches in the graph as it is now: read before a load's writes (with the
 * footprint the dataset had) and after (with the one it has). Index seeks, no scan.
 * @example const before = await touchedBy(run, { held: ["event:x"], ends: ["actor:a", "event:x"] })
 */
export async function touchedBy(exec: Exec, footprint: Footprint): Promise<Touched> {
  const [actors] = await exec(touchedActors, footprint);
  const [months] = await exec(monthsOf, { ids: footprint.held });
  return {
    actors: actors?.actors ?? [],
    months: months?.months ?? [],
    nodes: [...new Set([...footprint.held, ...footprint.ends])],
  };
}

/**
 * After a one-transaction load's writes, inside its transaction: updates the derived data for
 * what the load touched, `before` (touchedBy with the former footprint, read before the writes)
 * and `now` (its footprint after them), instead of rebuilding it all. Only when the derived data
 * was current before the load (`projectionCurrent`); otherwise refreshProjections.
 * @example await updateProjections(run, before, { held, ends })
 */
export async function updateProjections(
  exec: Exec,
  before: Touched,
  now: Footprint,
  options: MetProjectionOptions = {},
): Promise<ProjectionResult> {
  const started = Date.now();
  await exec(begin, { version: PROJECTION_VERSION });
  const after = await touchedBy(exec, now);
  const actors = [...new Set([...before.actors, ...after.actors])].sort();
  const met = await projectActors(exec, actors, options);
  await storeOverview(exec);
  // A dense node the load linked or unlinked gets its first ring again (its neighbour count too).
  const nodes = [...new Set([...before.nodes, ...after.nodes])].sort();
  await exec(nearestOf, { ids: nodes, dense: DENSE, keep: NEAREST_KEPT });
  const candidates = [...new Set([...before.months, ...after.months])].sort();
  const [summary] = await exec(datesMerge, { candidates, ids: now.held });
  await exec(done, { metVersion: MET_VERSION });
  return { ...met, months: summary?.months ?? 0, ms: Date.now() - started };
}

/** Whether the derived data is complete, of this version, and built from the datasets held now. */
function isCurrent(
  row: { version: number | null; state: string | null; built: string[]; current: string[] } | undefined,
) {
  return row?.version === PROJECTION_VERSION && row.state === "done" && sameDatasets(row);
}

/** Whether the derived data was built from the datasets the database holds now (ids and checksums). */
function sameDatasets(row: { built: string[]; current: string[] }) {
  return row.built.length === row.current.length && row.built.every((key, index) => key === row.current[index]);
}

/**
 * `projectionState(…).current`, read through `exec` (inside a load's transaction, before it writes).
 * @example if (await projectionCurrent(run)) …
 */
export async function projectionCurrent(exec: Exec): Promise<boolean> {
  const [row] = await exec(state, {});
  return isCurrent(row);
}

/**
 * The dates summary the projection keeps, or null when none was built. The spans are indexed by
 * span class (server/domain/span-classes.ts): the longest span in days of that class, −1 where
 * none; null when the summary predates them (a rebuild at start replaces it).
 */
interface DatesSummary {
  months: string[];
  eventClassSpans: number[] | null;
  claimClassSpans: number[] | null;
  periodClassSpans: number[] | null;
}

export interface ProjectionState {
  /** True when the derived data is complete and was built by this version from the datasets held now. */
  current: boolean;
  dates: DatesSummary | null;
}

/** Reads whether the derived data is current, and the dates summary. */
export async function projectionState(runner: QueryRunner, signal?: AbortSignal): Promise<ProjectionState> {
  const [row] = (await runner.run(state, {}, { signal })).rows;
  const months = row?.months;
  return {
    current: isCurrent(row),
    dates: months
      ? {
          months,
          eventClassSpans: row?.eventClassSpans ?? null,
          claimClassSpans: row?.claimClassSpans ?? null,
          periodClassSpans: row?.periodClassSpans ?? null,
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
  const [row] = (await runner.run(state, {})).rows;
  if (isCurrent(row)) return false;
  const exec = autoCommit(runner);
  // Built complete from the datasets held now by an older version whose MET is still today's:
  // only what is derived after MET is made again.
  const keepMet = row?.metVersion === MET_VERSION && row.state === "done" && sameDatasets(row);
  if (keepMet) say("Deriving the ranks, first rings and dates summary again (who met whom is kept)…");
  else say("Deriving who met whom and the dates summary from the loaded datasets…");
  const [counted] = keepMet ? await exec(metCounts, {}) : [];
  const result = await refreshProjections(exec, counted ? { projected: { actors: 0, pairs: counted.pairs } } : {});
  say(`  ${result.pairs} pairs who met, ${result.months} months with dates (${(result.ms / 1000).toFixed(1)} s)`);
  return true;
}
