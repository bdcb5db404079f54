/** Small figures helpers for the benchmark: percentiles, rounding, ratios. */

/** The q-quantile (0–1) of `values` (nearest rank), rounded to 0.1; 0 when there is none. */
export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0, 1);
}

/** `value` rounded to `digits` decimals. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** a ÷ b rounded to 0.01, or null when b is 0 (no ratio to speak of). */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? round(a / b, 2) : null;
}
