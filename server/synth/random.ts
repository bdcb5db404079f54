/** Seeded randomness for the synthetic generator: the same seed gives the same numbers on every machine. */

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through splitmix32. Ten lines of
 * well-known arithmetic, so no dependency: Math.random cannot be seeded, and the generator's
 * output must be byte-identical for a seed.
 */
export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = splitmix();
    this.#b = splitmix();
    this.#c = splitmix();
    this.#d = splitmix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error("Random.pick: empty list");
    return list[Math.floor(this.next() * list.length)] as T;
  }

  /** One of `choices` with probability proportional to its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [value, weight] of choices) {
      at -= weight;
      if (at < 0) return value;
    }
    return (choices[choices.length - 1] as readonly [T, number])[0];
  }

  /** The list shuffled (Fisher–Yates), as a new array. */
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^exponent (a power law: a few ranks very often,
 * most rarely), by binary search over the cumulative weights.
 * @example const zipf = new Zipf(50_000, 0.8); zipf.draw(random) // 0 far more often than 40_000
 */
export class Zipf {
  readonly #cumulative: Float64Array;

  constructor(n: number, exponent: number) {
    this.#cumulative = new Float64Array(n);
    let sum = 0;
    for (let rank = 0; rank < n; rank++) {
      sum += 1 / (rank + 1) ** exponent;
      this.#cumulative[rank] = sum;
    }
  }

  draw(random: Random): number {
    const n = this.#cumulative.length;
    const target = random.next() * (this.#cumulative[n - 1] as number);
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#cumulative[mid] as number) <= target) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** `count` distinct ranks (count ≤ n). */
  distinct(random: Random, count: number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.draw(random));
    return [...chosen];
  }
}
