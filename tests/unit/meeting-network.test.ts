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

describe("chooseBackbone", () => {
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
