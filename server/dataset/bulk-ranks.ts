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
 * Streams MET rows to `write`, holding back those the pool may mark until every pair is seen:
 * while there are at most `rules.all` pairs ("everything" mode: every pair may be pooled), all of
 * them; once there are more, only those between two of the `rules.actors` most active actors
 * (≤ actors × (actors − 1) / 2 rows). `finish` marks and writes them and returns each ranked
 * actor's metRank.
 * @example const held = new PoolHoldBack(meetings, write); await held.add(a, b, count, props); const { ranks } = await held.finish()
 */
export class PoolHoldBack<Row> {
  /** The candidates for a rank, in rank order: enough for either mode. */
  readonly #order: string[];
  /** The actors ranked if there are more than `rules.all` pairs. */
  readonly #top: ReadonlySet<string>;
  #held: (Tie & { row: Row })[] = [];
  #pairs = 0;

  constructor(
    meetings: Iterable<readonly [string, number]>,
    readonly write: (row: Row, pool: number | undefined) => Promise<void>,
    readonly rules: PoolRules = POOL_RULES,
  ) {
    this.#order = rankActors(meetings, Math.max(rules.actors, 2 * rules.all));
    this.#top = new Set(this.#order.slice(0, rules.actors));
  }

  /** One pair's MET row, with its ends and `count`. */
  async add(a: string, b: string, count: number, row: Row): Promise<void> {
    this.#pairs++;
    if (this.#pairs === this.rules.all + 1) {
      // No longer everything: only ties between two of the top actors can be pooled.
      const kept: (Tie & { row: Row })[] = [];
      for (const tie of this.#held) {
        if (this.#top.has(tie.a) && this.#top.has(tie.b)) kept.push(tie);
        else await this.write(tie.row, undefined);
      }
      this.#held = kept;
    }
    if (this.#pairs <= this.rules.all || (this.#top.has(a) && this.#top.has(b))) this.#held.push({ a, b, count, row });
    else await this.write(row, undefined);
  }

  /** Writes the held-back rows with their pool marks; returns each ranked actor's metRank and the marks set. */
  async finish(): Promise<{ ranks: Map<string, number>; pooled: number }> {
    const size = poolSize(this.#pairs, this.rules);
    const ranks = new Map(this.#order.slice(0, size.actors).map((id, index) => [id, index + 1]));
    const { pool, pooled } = poolMarks(ranks, this.#held, size.ties);
    for (const [index, { row }] of this.#held.entries()) await this.write(row, pool[index]);
    this.#held = [];
    return { ranks, pooled };
  }
}
