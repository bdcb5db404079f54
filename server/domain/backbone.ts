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

/**
 * The ties to draw. When all candidates fit (`limit` lines, `actors` actors) they are all drawn.
 * Otherwise: the `actors` actors whose ties weigh most in all, joined first by a spanning forest
 * of their heaviest ties among them (Kruskal's rule: a tie is taken when it joins two parts not yet
 * joined), then each actor, the most active first, takes its strongest ties that still fit until
 * it has `ties` lines; at most `limit` lines, and no actor ever gets more than `2 × ties`, so that
 * the hubs (everyone's strongest tie) turn the picture into neither a star nor a clique. Actors
 * left without a line are not drawn.
 * @example chooseBackbone(ties, { actors: 150, ties: 3, limit: 500 })
 */
export function chooseBackbone(candidates: readonly Tie[], options: BackboneOptions): Backbone {
  const usable = candidates.filter((tie) => tie.weight > 0);
  const strength = new Map<string, number>();
  for (const tie of usable) {
    strength.set(tie.a, (strength.get(tie.a) ?? 0) + tie.weight);
    strength.set(tie.b, (strength.get(tie.b) ?? 0) + tie.weight);
  }
  if (usable.length <= options.limit && strength.size <= options.actors) {
    return { ties: [...usable].sort(byWeight), method: "all", truncated: false };
  }

  const top = new Set(
    [...strength.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, options.actors)
      .map(([id]) => id),
  );
  const inside = usable.filter((tie) => top.has(tie.a) && top.has(tie.b)).sort(byWeight);
  const maxDegree = 2 * options.ties;
  const degree = new Map<string, number>();
  const chosen = new Map<string, Tie>();
  const fits = (tie: Tie) =>
    !chosen.has(tie.pair) &&
    chosen.size < options.limit &&
    (degree.get(tie.a) ?? 0) < maxDegree &&
    (degree.get(tie.b) ?? 0) < maxDegree;
  const take = (tie: Tie) => {
    chosen.set(tie.pair, tie);
    degree.set(tie.a, (degree.get(tie.a) ?? 0) + 1);
    degree.set(tie.b, (degree.get(tie.b) ?? 0) + 1);
  };

  // The spanning forest: union-find over the actors, heaviest ties first.
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    for (let up = parent.get(at); up !== undefined; up = parent.get(at)) at = up;
    if (at !== id) parent.set(id, at);
    return at;
  };
  for (const tie of inside) {
    const [x, y] = [root(tie.a), root(tie.b)];
    if (x === y || !fits(tie)) continue;
    parent.set(x, y);
    take(tie);
  }

  // Then each actor, the most active first, takes its strongest ties that still fit.
  const byActor = new Map<string, Tie[]>();
  for (const tie of inside) {
    for (const end of [tie.a, tie.b]) {
      const list = byActor.get(end);
      if (list) list.push(tie);
      else byActor.set(end, [tie]);
    }
  }
  for (const actor of top) {
    for (const tie of byActor.get(actor) ?? []) {
      if ((degree.get(actor) ?? 0) >= options.ties) break;
      if (fits(tie)) take(tie);
    }
  }
  return { ties: [...chosen.values()].sort(byWeight), method: "backbone", truncated: true };
}
