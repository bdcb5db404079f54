import { describe, expect, test } from "vitest";
import { chooseBackbone, type Tie } from "../../server/domain/backbone.js";

const tie = (a: string, b: string, weight: number): Tie => ({ pair: `${a}|${b}`, a, b, weight });

/** A hairball: `hubs` actors all tied to each other heavily, and many lesser actors each tied to a hub and a peer. */
function hairball(hubs: number, others: number): Tie[] {
  const ties: Tie[] = [];
  const hub = (i: number) => `h${String(i).padStart(3, "0")}`;
  const other = (i: number) => `o${String(i).padStart(4, "0")}`;
  for (let i = 0; i < hubs; i++) for (let j = i + 1; j < hubs; j++) ties.push(tie(hub(i), hub(j), 100 + i + j));
  for (let i = 0; i < others; i++) {
    ties.push(tie(hub(i % hubs), other(i), 5 + (i % 7)));
    if (i > 0) ties.push(tie(other(i - 1), other(i), 1 + (i % 4)));
  }
  return ties;
}

function degrees(ties: Tie[]): Map<string, number> {
  const degree = new Map<string, number>();
  for (const { a, b } of ties) {
    degree.set(a, (degree.get(a) ?? 0) + 1);
    degree.set(b, (degree.get(b) ?? 0) + 1);
  }
  return degree;
}

function components(ties: Tie[]): number {
  const parent = new Map<string, string>();
  const root = (id: string): string => (parent.has(id) ? root(parent.get(id) as string) : id);
  for (const { a, b } of ties) if (root(a) !== root(b)) parent.set(root(a), root(b));
  return new Set([...degrees(ties).keys()].map(root)).size;
}

/**
 * The backbone rule as first written, over maps keyed by id: the specification chooseBackbone's
 * numbered, array-based version must agree with on any input.
 */
function referenceBackbone(candidates: readonly Tie[], options: { actors: number; ties: number; limit: number }) {
  const byWeight = (x: Tie, y: Tie) => y.weight - x.weight || (x.pair < y.pair ? -1 : x.pair > y.pair ? 1 : 0);
  const usable = candidates.filter((t) => t.weight > 0);
  const strength = new Map<string, number>();
  for (const t of usable) {
    strength.set(t.a, (strength.get(t.a) ?? 0) + t.weight);
    strength.set(t.b, (strength.get(t.b) ?? 0) + t.weight);
  }
  if (usable.length <= options.limit && strength.size <= options.actors) return [...usable].sort(byWeight);
  const top = new Set(
    [...strength.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, options.actors)
      .map(([id]) => id),
  );
  const inside = usable.filter((t) => top.has(t.a) && top.has(t.b)).sort(byWeight);
  const degree = new Map<string, number>();
  const chosen = new Map<string, Tie>();
  const fits = (t: Tie) =>
    !chosen.has(t.pair) &&
    chosen.size < options.limit &&
    (degree.get(t.a) ?? 0) < 2 * options.ties &&
    (degree.get(t.b) ?? 0) < 2 * options.ties;
  const take = (t: Tie) => {
    chosen.set(t.pair, t);
    degree.set(t.a, (degree.get(t.a) ?? 0) + 1);
    degree.set(t.b, (degree.get(t.b) ?? 0) + 1);
  };
  const parent = new Map<string, string>();
  const root = (id: string): string => (parent.has(id) ? root(parent.get(id) as string) : id);
  for (const t of inside) {
    const [x, y] = [root(t.a), root(t.b)];
    if (x === y || !fits(t)) continue;
    parent.set(x, y);
    take(t);
  }
  for (const actor of top) {
    for (const t of inside.filter((u) => u.a === actor || u.b === actor)) {
      if ((degree.get(actor) ?? 0) >= options.ties) break;
      if (fits(t)) take(t);
    }
  }
  return [...chosen.values()].sort(byWeight);
}

/** A deterministic pseudo-random graph of `actors` actors and about `pairs` weighted pairs, many weights equal. */
function randomTies(seed: number, actors: number, pairs: number): Tie[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const found = new Map<string, Tie>();
  for (let k = 0; k < pairs; k++) {
    // Skewed ends: a few actors in most pairs, as in the pool.
    const i = Math.floor(actors * next() ** 2);
    const j = Math.floor(actors * next());
    if (i === j) continue;
    const [a, b] = [`actor:${Math.min(i, j)}`, `actor:${Math.max(i, j)}`];
    found.set(`${a}|${b}`, tie(a, b, Math.floor(next() * 6)));
  }
  return [...found.values()];
}

describe("chooseBackbone", () => {
  test("when given any candidates, heaviest first or not, then it chooses what the rule as first written chooses", () => {
    const byWeight = (x: Tie, y: Tie) => y.weight - x.weight || (x.pair < y.pair ? -1 : x.pair > y.pair ? 1 : 0);
    for (let seed = 1; seed <= 40; seed++) {
      const ties = randomTies(seed, 20 + seed * 5, 60 + seed * 40);
      for (const options of [
        { actors: 150, ties: 3, limit: 500 },
        { actors: 12, ties: 2, limit: 30 },
        { actors: 40, ties: 1, limit: 25 },
      ]) {
        const expected = referenceBackbone(ties, options).map((t) => t.pair);
        expect(
          chooseBackbone(ties, options).ties.map((t) => t.pair),
          `seed ${seed}`,
        ).toEqual(expected);
        const sorted = [...ties].sort(byWeight);
        expect(
          chooseBackbone(sorted, options).ties.map((t) => t.pair),
          `seed ${seed}, sorted`,
        ).toEqual(expected);
      }
    }
  });

  test("when every pair fits, then all are drawn, heaviest first", () => {
    const ties = [tie("a", "b", 1), tie("b", "c", 3), tie("a", "c", 2)];
    const chosen = chooseBackbone(ties, { actors: 10, ties: 1, limit: 10 });
    expect(chosen).toMatchObject({ method: "all", truncated: false });
    expect(chosen.ties.map((t) => t.weight)).toEqual([3, 2, 1]);
  });

  test("when the pairs do not fit, then at most `actors` actors, `limit` lines and 2 × `ties` lines per actor are drawn", () => {
    for (const [actors, ties, limit] of [
      [150, 3, 500],
      [40, 2, 60],
      [300, 5, 2000],
    ] as const) {
      const chosen = chooseBackbone(hairball(60, 3000), { actors, ties, limit });
      expect(chosen).toMatchObject({ method: "backbone", truncated: true });
      expect(chosen.ties.length).toBeLessThanOrEqual(limit);
      const degree = degrees(chosen.ties);
      expect(degree.size).toBeLessThanOrEqual(actors);
      expect(Math.max(...degree.values())).toBeLessThanOrEqual(2 * ties);
      expect(new Set(chosen.ties.map((t) => t.pair)).size).toBe(chosen.ties.length);
    }
  });

  test("when hubs are all tied to each other, then the drawing is sparse and joined, not the hubs' clique", () => {
    const chosen = chooseBackbone(hairball(60, 3000), { actors: 150, ties: 3, limit: 500 });
    const degree = degrees(chosen.ties);
    const actors = degree.size;
    const density = (2 * chosen.ties.length) / (actors * (actors - 1));
    expect(actors).toBeGreaterThan(100);
    expect(density).toBeLessThan(0.05);
    expect(components(chosen.ties)).toBe(1);
  });

  test("when a pair has no meeting in the window, then it is never drawn", () => {
    const chosen = chooseBackbone([tie("a", "b", 0), tie("b", "c", 2)], { actors: 10, ties: 2, limit: 10 });
    expect(chosen.ties.map((t) => t.pair)).toEqual(["b|c"]);
  });
});
