/**
 * The who-met-whom projection: one `(:Actor)-[:MET]->(:Actor)` per pair who took part in the same
 * meeting-like event, with counts by year, a sample of events and the claims that count them,
 * rebuilt from PARTICIPATED_IN after every load, so that no request aggregates the whole graph.
 */
import { z } from "zod";
import { int } from "../neo4j/columns.js";
import { defineQuery, type RowOf } from "../neo4j/query-runner.js";
import type { Exec } from "./projections.js";

/** Event kinds that count as two actors meeting (a series counts: "met 18 times" is one). */
export const MEETING_KINDS = ["meeting", "meeting-series", "call", "state-visit", "summit", "parade"] as const;
/** Units of aggregate claims that count a pair's meetings ("met 18 times"). */
export const MEETING_UNITS = ["meetings", "engagements", "calls", "visits"] as const;
/** Event ids kept on each MET (its latest): enough for an edge's tooltip; the pair's details page through all. */
export const EVENT_SAMPLE = 10;
/** Events a list of counterparts shows for each (its latest), with evidence: a glance, not the record. */
export const LISTED_EVENTS = 3;
/**
 * Forums a counterpart names (the others are counted): where a pair meets, at a glance. A hub and
 * its closest counterpart meet at a hundred forums or more; the forum filter finds any of them.
 */
export const LISTED_FORUMS = 12;
/**
 * Aggregate claims ("met 18 times") a counterpart lists with their evidence, the largest first
 * (the others are counted); one pair asked for lists up to PAIR_CLAIMS.
 */
export const LISTED_CLAIMS = 5;
export const PAIR_CLAIMS = 100;
/**
 * The pool the network overview is chosen from: the most active actors (as many as the overview
 * may draw) and, for each, its strongest ties among them. A request reads at most
 * POOL_ACTORS × POOL_TIES relationships, whatever the size of the graph.
 */
export const POOL_ACTORS = 500;
const POOL_TIES = 12;
/** Up to this many pairs in all, every pair is in the pool: a small graph's overview can show them all. */
const POOL_ALL = 10_000;

/** The pool's thresholds: POOL_ACTORS, POOL_TIES, POOL_ALL (tests use small ones). */
export interface PoolRules {
  actors: number;
  ties: number;
  all: number;
}
export const POOL_RULES: PoolRules = { actors: POOL_ACTORS, ties: POOL_TIES, all: POOL_ALL };

/**
 * How many actors are ranked and how many ties each keeps, given how many pairs met: the one
 * definition behind both implementations of the ranks and pool, meetings/project-ranks.cypher
 * and project-pool.cypher on the graph, and the bulk load's (server/dataset/bulk-ranks.ts), which
 * computes the same marks while it writes MET. In "everything" mode (pairs ≤ `all`) every active
 * actor up to 2 × pairs is ranked and keeps every tie.
 * @example poolSize(20_000) // { everything: false, actors: 500, ties: 12 }
 */
export function poolSize(pairs: number, rules: PoolRules = POOL_RULES) {
  const everything = pairs <= rules.all;
  return { everything, actors: everything ? 2 * pairs : rules.actors, ties: everything ? pairs : rules.ties };
}

const batchQuery = defineQuery<{
  after: string | null;
  actors: readonly string[] | null;
  batch: number;
  kinds: readonly string[];
  units: readonly string[];
  sample: number;
}>("meetings/project-batch", "WRITE").rows({ last: z.string().nullable(), actors: int(), pairs: int() });
const ranks = defineQuery<{ actors: number; touched: readonly string[] }>("meetings/project-ranks", "WRITE").rows({
  ranked: int(),
  changed: z.boolean(),
  touchedRanked: z.boolean(),
});
const pool = defineQuery<{ ties: number }>("meetings/project-pool", "WRITE").rows({ pooled: int() });
const pairCount = defineQuery<Record<string, never>>("meetings/pair-count", "READ").rows({ pairs: int() });

export interface MetProjectionOptions {
  /** Actors per batch: bounds each query's memory (a hub's pairs are all in its batch). */
  batch?: number;
  /** Called after each batch with the actors done so far. */
  progress?: (actors: number, pairs: number) => void;
  /**
   * The MET relationships and every actor's `meetings` are there already (the bulk load derives
   * them as it writes the importer's files, server/dataset/bulk-met.ts): only rank and pool.
   */
  projected?: {
    actors: number;
    pairs: number;
    /** The pool marks set, when the ranks and pool came with the MET (bulk-ranks.ts): then neither query runs. */
    pooled?: number;
  };
  /** The pool's thresholds; POOL_RULES unless a test asks for small ones. */
  pool?: PoolRules;
}

/**
 * Rebuilds every MET relationship, batch by batch of actors (in id order), then ranks the actors
 * and marks the pool. With an `exec` that runs inside one transaction the rebuild commits with
 * the load; with one that commits each query, readers see each pair either as it was or as it is.
 * @example await projectMeetings(inTransaction(run))
 */
export async function projectMeetings(
  exec: Exec,
  options: MetProjectionOptions = {},
): Promise<{ actors: number; pairs: number; pooled: number }> {
  const { projected } = options;
  if (projected?.pooled !== undefined)
    return { actors: projected.actors, pairs: projected.pairs, pooled: projected.pooled };
  const { actors, pairs } = projected ?? (await projectPairs(exec, options));
  return { actors, pairs, pooled: await rankAndPool(exec, pairs, undefined, options.pool) };
}

/** Every MET relationship and actor's `meetings`, batch by batch of actors in id order. */
async function projectPairs(exec: Exec, options: MetProjectionOptions): Promise<{ actors: number; pairs: number }> {
  let after: string | null = null;
  let actors = 0;
  let pairs = 0;
  for (;;) {
    const [row]: RowOf<typeof batchQuery>[] = await exec(batchQuery, {
      after,
      actors: null,
      batch: options.batch ?? 500,
      kinds: MEETING_KINDS,
      units: MEETING_UNITS,
      sample: EVENT_SAMPLE,
    });
    if (!row || row.actors === 0) break;
    actors += row.actors;
    pairs += row.pairs;
    after = row.last;
    options.progress?.(actors, pairs);
  }
  return { actors, pairs };
}

/**
 * Ranks the actors and marks the pool, given how many pairs met in all; returns the marks set.
 * With `touched` (an incremental projection), the pool is kept when the ranking is the same and
 * no touched actor is ranked: a pool mark depends only on the ranks and the ranked actors' MET,
 * and a changed MET has both its ends touched.
 */
async function rankAndPool(
  exec: Exec,
  pairs: number,
  touched?: readonly string[],
  rules: PoolRules = POOL_RULES,
): Promise<number> {
  const size = poolSize(pairs, rules);
  const [ranked] = await exec(ranks, { actors: size.actors, touched: touched ?? [] });
  if (touched && ranked && !ranked.changed && !ranked.touchedRanked) return 0;
  const [pooled] = await exec(pool, { ties: size.ties });
  return pooled?.pooled ?? 0;
}

/**
 * Re-projects the MET relationships that `actors` start and their `meetings`, then re-ranks and
 * re-pools: after a one-transaction load, with the actors it touched (meetings/touched-actors,
 * which holds both ends of every pair the load changed, so every changed pair is rebuilt from its
 * smaller end). Reads the touched actors' neighbourhoods and the ranked actors, not the graph.
 * @example await projectActors(run, ["actor:sergey-lavrov", "actor:wang-yi"])
 */
export async function projectActors(
  exec: Exec,
  actors: readonly string[],
  options: MetProjectionOptions = {},
): Promise<{ actors: number; pairs: number; pooled: number }> {
  const batch = options.batch ?? 500;
  let pairs = 0;
  for (let i = 0; i < actors.length; i += batch) {
    const [row] = await exec(batchQuery, {
      after: null,
      actors: actors.slice(i, i + batch),
      batch,
      kinds: MEETING_KINDS,
      units: MEETING_UNITS,
      sample: EVENT_SAMPLE,
    });
    pairs += row?.pairs ?? 0;
    options.progress?.(Math.min(i + batch, actors.length), pairs);
  }
  const [total] = await exec(pairCount, {});
  return { actors: actors.length, pairs, pooled: await rankAndPool(exec, total?.pairs ?? 0, actors, options.pool) };
}
