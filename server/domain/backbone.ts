/**
 * Which ties the who-met-whom overview draws: not the heaviest pairs overall (those all join the
 * same few hubs, a hairball) but a backbone — the most active actors, each with its strongest ties
 * among them, no actor with more than a few lines.
 */

/** A pair who met, with how often (in the window or at the forum asked for). */
export interface Tie {
  pair: string;
  a: string;
  b: string;
  weight: number;
}

export interface BackboneOptions {
  /** Most actors drawn. */
  actors: number;
  /** Strongest ties kept per actor. */
  ties: number;
  /** Most lines drawn. */
  limit: number;
}

export interface Backbone {
  /** The chosen ties, heaviest first. */
  ties: Tie[];
  /** "all" when every candidate fitted; otherwise the backbone rule chose. */
  method: "all" | "backbone";
  /** True when candidates were left out. */
  truncated: boolean;
}

const byWeight = (x: Tie, y: Tie) => y.weight - x.weight || (x.pair < y.pair ? -1 : x.pair > y.pair ? 1 : 0);

/** Whether the ties are heaviest first, then by pair, already. */
function inOrder(ties: readonly Tie[]): boolean {
  for (let i = 1; i < ties.length; i++) if (byWeight(ties[i - 1] as Tie, ties[i] as Tie) > 0) return false;
  return true;
}

/**
 * The ties to draw. When all candidates fit (`limit` lines, `actors` actors) they are all drawn.
 * Otherwise: the `actors` actors whose ties weigh most in all, joined first by a spanning forest
 * of their heaviest ties among them (Kruskal's rule: a tie is taken when it joins two parts not yet
 * joined), then each actor, the most active first, takes its strongest ties that still fit until
 * it has `ties` lines; at most `limit` lines, and no actor ever gets more than `2 × ties`, so that
 * the hubs (everyone's strongest tie) turn the picture into neither a star nor a clique. Actors
 * left without a line are not drawn. (Runs on every overview with a window: ~1,700 candidates,
 * so actors are numbered and the rule runs over arrays, not maps keyed by id.)
 * @example chooseBackbone(ties, { actors: 150, ties: 3, limit: 500 })
 */
export function chooseBackbone(candidates: readonly Tie[], options: BackboneOptions): Backbone {
  const usable = candidates.filter((tie) => tie.weight > 0);
  // Actors numbered in order of appearance; each usable tie's two ends as numbers.
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const numberOf = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = ids.length;
      numbers.set(id, n);
      ids.push(id);
    }
    return n;
  };
  const endA = new Int32Array(usable.length);
  const endB = new Int32Array(usable.length);
  const strength: number[] = [];
  for (const [i, tie] of usable.entries()) {
    const a = numberOf(tie.a);
    const b = numberOf(tie.b);
    endA[i] = a;
    endB[i] = b;
    strength[a] = (strength[a] ?? 0) + tie.weight;
    strength[b] = (strength[b] ?? 0) + tie.weight;
  }
  if (usable.length <= options.limit && ids.length <= options.actors) {
    return { ties: inOrder(usable) ? usable : [...usable].sort(byWeight), method: "all", truncated: false };
  }

  const byStrength = ids.map((_, n) => n);
  byStrength.sort((x, y) => {
    const difference = (strength[y] as number) - (strength[x] as number);
    if (difference !== 0) return difference;
    const [a, b] = [ids[x] as string, ids[y] as string];
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const top = byStrength.slice(0, options.actors);
  const isTop = new Uint8Array(ids.length);
  for (const n of top) isTop[n] = 1;
  // The ties among the top actors, heaviest first (then by pair).
  const inside: number[] = [];
  for (let i = 0; i < usable.length; i++) if (isTop[endA[i] as number] && isTop[endB[i] as number]) inside.push(i);
  // The pool comes heaviest first (meetings/network-pool): then so do they, without a sort.
  if (!inOrder(usable)) inside.sort((x, y) => byWeight(usable[x] as Tie, usable[y] as Tie));

  const maxDegree = 2 * options.ties;
  const degree = new Int32Array(ids.length);
  const chosen = new Uint8Array(usable.length);
  let count = 0;
  const fits = (i: number) =>
    chosen[i] === 0 &&
    count < options.limit &&
    (degree[endA[i] as number] as number) < maxDegree &&
    (degree[endB[i] as number] as number) < maxDegree;
  const take = (i: number) => {
    chosen[i] = 1;
    count++;
    const [a, b] = [endA[i] as number, endB[i] as number];
    degree[a] = (degree[a] as number) + 1;
    degree[b] = (degree[b] as number) + 1;
  };

  // The spanning forest: union-find over the actors, heaviest ties first.
  const parent = Int32Array.from(ids, (_, n) => n);
  const root = (n: number): number => {
    let at = n;
    while (parent[at] !== at) at = parent[at] as number;
    parent[n] = at;
    return at;
  };
  for (const i of inside) {
    const x = root(endA[i] as number);
    const y = root(endB[i] as number);
    if (x === y || !fits(i)) continue;
    parent[x] = y;
    take(i);
  }

  // Then each actor, the most active first, takes its strongest ties that still fit.
  const byActor: number[][] = ids.map(() => []);
  for (const i of inside) {
    byActor[endA[i] as number]?.push(i);
    byActor[endB[i] as number]?.push(i);
  }
  for (const actor of top) {
    for (const i of byActor[actor] ?? []) {
      if ((degree[actor] as number) >= options.ties) break;
      if (fits(i)) take(i);
    }
  }
  // `inside` is in the drawing's order already.
  const ties = inside.filter((i) => chosen[i] === 1).map((i) => usable[i] as Tie);
  return { ties, method: "backbone", truncated: true };
}
