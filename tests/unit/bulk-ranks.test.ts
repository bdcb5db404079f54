import { describe, expect, test } from "vitest";
import { PoolRanking, poolMarks, rankActors, type Tie } from "../../server/dataset/bulk-ranks.js";
import { POOL_RULES, type PoolRules, poolSize } from "../../server/domain/met-projection.js";
import { Random } from "../../server/synth/random.js";

/** Ids whose UTF-16 order differs from their code point order (U+10000 against U+FFFF), and prefixes of each other. */
const NAMES = ["a", "b", "ab", "é", "\uffff", "\u{10000}", "\u{10000}a", "z", "A", "ba"];

type Case = { meetings: [string, number][]; ties: Tie[] };

/** Random actors with few distinct `meetings` (ties in meetings) and random pairs with few distinct counts (ties in count). */
function randomCase(random: Random, most: number): Case {
  const actors = NAMES.slice(0, random.int(2, NAMES.length)).map((name) => `actor:${name}`);
  const meetings = actors.map((id): [string, number] => [id, random.int(0, 3)]);
  const ties: Tie[] = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      if (ties.length < most && random.chance(0.5)) {
        ties.push({ a: actors[i] as string, b: actors[j] as string, count: random.int(1, 3) });
      }
    }
  }
  return { meetings, ties };
}

/** Cypher's string order, spelt out independently: the arrays of code points. */
function byCodePoints(x: string, y: string): number {
  const a = Array.from(x, (c) => c.codePointAt(0) as number);
  const b = Array.from(y, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/**
 * project-ranks.cypher and project-pool.cypher, transcribed clause by clause with the sizes of
 * rankAndPool: rank the most active, then for each ranked actor, in rank order, every MET to a
 * ranked actor, ORDER BY count DESC, the other's rank, LIMIT ties, marked with the larger rank.
 */
function bruteForce({ meetings, ties }: Case, rules: PoolRules) {
  const everything = ties.length <= rules.all;
  const actors = everything ? 2 * ties.length : rules.actors;
  const perActor = everything ? ties.length : rules.ties;
  const ranked = meetings
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => (x !== y ? y - x : byCodePoints(a, b)))
    .slice(0, actors);
  const ranks = new Map(ranked.map(([id], index) => [id, index + 1]));
  const pool = new Map<number, number>();
  let pooled = 0;
  for (const [id] of ranked) {
    const mine = ties
      .map((tie, index) => ({ index, tie, other: tie.a === id ? tie.b : tie.a }))
      .filter(({ tie, other }) => (tie.a === id || tie.b === id) && ranks.has(other))
      .sort((x, y) => y.tie.count - x.tie.count || (ranks.get(x.other) as number) - (ranks.get(y.other) as number));
    for (const { index, other } of mine.slice(0, perActor)) {
      pool.set(index, Math.max(ranks.get(id) as number, ranks.get(other) as number));
      pooled++;
    }
  }
  return { ranks, pool, pooled };
}

/** The TS implementation's answer in the same shape: ranks from rankActors and poolSize, marks from poolMarks. */
function computed({ meetings, ties }: Case, rules: PoolRules) {
  const size = poolSize(ties.length, rules);
  const ranks = new Map(rankActors(meetings, size.actors).map((id, index) => [id, index + 1]));
  const marks = poolMarks(ranks, ties, size.ties);
  const pool = new Map<number, number>();
  marks.pool.forEach((mark, index) => {
    if (mark !== undefined) pool.set(index, mark);
  });
  return { ranks, pool, pooled: marks.pooled };
}

const SMALL: PoolRules = { actors: 4, ties: 2, all: 8 };

describe("rankActors and poolMarks", () => {
  test("when actors tie in meetings and pairs tie in count, then ranks and pool marks equal a brute-force reading of project-ranks and project-pool, in both modes", () => {
    const random = new Random(10);
    const modes = { everything: 0, ranked: 0, pooled: 0 };
    for (let round = 0; round < 2_000; round++) {
      const sample = randomCase(random, random.int(0, 20));
      const expected = bruteForce(sample, SMALL);
      expect(computed(sample, SMALL), JSON.stringify(sample)).toEqual(expected);
      if (sample.ties.length <= SMALL.all) modes.everything++;
      else modes.ranked++;
      modes.pooled += expected.pooled;
    }
    // Both modes ran, and the pools were not all empty.
    expect(modes.everything).toBeGreaterThan(200);
    expect(modes.ranked).toBeGreaterThan(200);
    expect(modes.pooled).toBeGreaterThan(1_000);
  });

  test("when the rules are the app's, then a small graph is in everything mode: every active actor up to twice the pairs is ranked and every tie among them pooled", () => {
    const sample: Case = {
      meetings: [
        ["actor:a", 2],
        ["actor:b", 2],
        ["actor:c", 1],
        ["actor:d", 0],
      ],
      ties: [
        { a: "actor:a", b: "actor:b", count: 2 },
        { a: "actor:b", b: "actor:c", count: 1 },
      ],
    };
    expect(computed(sample, POOL_RULES)).toEqual({
      ranks: new Map([
        ["actor:a", 1],
        ["actor:b", 2],
        ["actor:c", 3],
      ]),
      pool: new Map([
        [0, 2],
        [1, 3],
      ]),
      pooled: 4,
    });
  });
});

describe("PoolRanking", () => {
  test("when pairs stream in any order, past the everything threshold or not, then every pair the brute force marks is held and gets its mark, past the threshold only ties between top actors are held, and the ranks are the brute force's", async () => {
    const random = new Random(11);
    let held = 0;
    for (let round = 0; round < 500; round++) {
      const sample = randomCase(random, random.int(0, 20));
      const order = sample.ties.map((_, index) => index).sort(() => random.next() - 0.5);
      const ranking = new PoolRanking(sample.meetings, SMALL);
      const expected = bruteForce(sample, SMALL);
      const top = new Set(rankActors(sample.meetings, SMALL.actors));
      const numbers = new Map<number, number>();
      for (const [seen, index] of order.entries()) {
        const { a, b, count } = sample.ties[index] as Tie;
        const number = ranking.hold(a, b, count);
        if (number === undefined) continue;
        expect(number).toBe(numbers.size);
        numbers.set(index, number);
        // Bounded: past `all` pairs, only ties the pool may still mark, between two top actors.
        if (seen >= SMALL.all) expect(top.has(a) && top.has(b)).toBe(true);
      }
      held += numbers.size;
      const { ranks, pool, pooled } = ranking.finish();
      expect(ranks).toEqual(expected.ranks);
      expect(pooled).toBe(expected.pooled);
      for (const index of expected.pool.keys()) expect(numbers.has(index)).toBe(true);
      const marks = new Map(
        [...numbers]
          .map(([index, number]): [number, number | undefined] => [index, pool[number]])
          .filter(([, mark]) => mark !== undefined),
      );
      expect(marks).toEqual(expected.pool);
    }
    expect(held).toBeGreaterThan(1_000);
  });
});
