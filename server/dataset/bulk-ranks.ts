/**
 * The who-met-whom ranks and pool, computed by the bulk load while it writes MET: exactly what
 * meetings/project-ranks.cypher and project-pool.cypher set on the graph, with the same sizes
 * (`poolSize`), so that the load runs neither query on the imported store (whose pool step expands
 * every MET of the ranked actors: ~20 s on `medium`).
 */
import { POOL_RULES, type PoolRules, poolSize } from "../domain/met-projection.js";
import { compareCodePoints } from "./code-points.js";

/**
 * The `limit` most active actors, as project-ranks orders them: `meetings > 0`, most meetings
 * first, then by id in code point order (Cypher's). An actor's metRank is its index + 1.
 * @example rankActors([["actor:b", 2], ["actor:a", 2], ["actor:c", 0]], 5) // ["actor:a", "actor:b"]
 */
export function rankActors(meetings: Iterable<readonly [string, number]>, limit: number): string[] {
  const active: (readonly [string, number])[] = [];
  for (const entry of meetings) if (entry[1] > 0) active.push(entry);
  active.sort(([a, x], [b, y]) => y - x || compareCodePoints(a, b));
  return active.slice(0, Math.max(0, limit)).map(([id]) => id);
}

/** A pair's MET as the pool reads it: its ends and `count`. */
export interface Tie {
  a: string;
  b: string;
  count: number;
}

/**
 * The pool marks, as project-pool sets them: each ranked actor's `perActor` strongest ties to
 * other ranked actors (most `count` first, then the other end's rank) get `pool`, the larger rank
 * of the two ends. Returns each tie's mark (undefined: none) and `pooled`, the marks set, a tie
 * both ends keep counting twice (the query's `sum(marked)`).
 * @example poolMarks(new Map([["a", 1], ["b", 2]]), [{ a: "a", b: "b", count: 3 }], 12) // { pool: [2], pooled: 2 }
 */
export function poolMarks(
  ranks: ReadonlyMap<string, number>,
  ties: readonly Tie[],
  perActor: number,
): { pool: (number | undefined)[]; pooled: number } {
  const byActor = new Map<string, { tie: number; other: number; count: number }[]>();
  ties.forEach(({ a, b, count }, tie) => {
    const rankA = ranks.get(a);
    const rankB = ranks.get(b);
    if (rankA === undefined || rankB === undefined) return;
    for (const [end, other] of [
      [a, rankB],
      [b, rankA],
    ] as const) {
      const list = byActor.get(end) ?? [];
      byActor.set(end, list);
      list.push({ tie, other, count });
    }
  });
  const pool: (number | undefined)[] = new Array(ties.length).fill(undefined);
  let pooled = 0;
  for (const list of byActor.values()) {
    list.sort((x, y) => y.count - x.count || x.other - y.other);
    for (const { tie } of list.slice(0, Math.max(0, perActor))) {
      const { a, b } = ties[tie] as Tie;
      pool[tie] = Math.max(ranks.get(a) as number, ranks.get(b) as number);
      pooled++;
    }
  }
  return { pool, pooled };
}

/**
 * Decides, pair by pair as MET is written, which rows the pool may mark and must be held back
 * until every pair is seen: those between two candidates for a rank while there are at most
 * `rules.all` pairs ("everything" mode), then only those between two of the `rules.actors` most
 * active actors (≤ actors × (actors − 1) / 2). It keeps only each held pair's ends (as candidate
 * indexes) and count; the caller keeps the rows (bulk-met.ts: in a file), in the order `hold`
 * numbered them, and `finish` gives each its mark.
 * @example const held = ranking.hold(a, b, count); … const { ranks, pool } = ranking.finish(); pool[held]
 */
export class PoolRanking {
  /** The candidates for a rank, in rank order: enough for either mode. */
  readonly #order: string[];
  readonly #index: ReadonlyMap<string, number>;
  readonly #held: { a: number; b: number; count: number }[] = [];
  #pairs = 0;

  constructor(
    meetings: Iterable<readonly [string, number]>,
    readonly rules: PoolRules = POOL_RULES,
  ) {
    this.#order = rankActors(meetings, Math.max(rules.actors, 2 * rules.all));
    this.#index = new Map(this.#order.map((id, index) => [id, index]));
  }

  /** One more pair: the number of its held row (0, 1, …), or undefined when the pool cannot mark it (write it now). */
  hold(a: string, b: string, count: number): number | undefined {
    this.#pairs++;
    const x = this.#index.get(a);
    const y = this.#index.get(b);
    if (x === undefined || y === undefined) return undefined;
    if (this.#pairs > this.rules.all && (x >= this.rules.actors || y >= this.rules.actors)) return undefined;
    this.#held.push({ a: x, b: y, count });
    return this.#held.length - 1;
  }

  /** Each ranked actor's metRank, each held row's pool mark (by its number) and the marks set. */
  finish(): { ranks: Map<string, number>; pool: (number | undefined)[]; pooled: number } {
    const size = poolSize(this.#pairs, this.rules);
    const ranks = new Map(this.#order.slice(0, size.actors).map((id, index) => [id, index + 1]));
    const ties = this.#held.map(({ a, b, count }) => ({
      a: this.#order[a] as string,
      b: this.#order[b] as string,
      count,
    }));
    return { ranks, ...poolMarks(ranks, ties, size.ties) };
  }
}
