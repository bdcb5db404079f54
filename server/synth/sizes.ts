/** The sizes the synthetic generator makes, shaped like the seed's model at every scale. */

export interface SizeSpec {
  actors: number;
  forums: number;
  events: number;
  claims: number;
  /** All sources: directories (roles, memberships, forums) and reports (events and claims). */
  sources: number;
  /** Power-law exponent of participation: how strongly a few hub actors dominate the events. */
  exponent: number;
}

/**
 * `medium` is the graph of issue 10 (50,000 actors, 207 forums, 150,000 events, 200,000 claims,
 * 5,000 sources; about 0.8M nodes and 2.1M relationships); the others scale it.
 */
export const SIZES = {
  tiny: { actors: 300, forums: 14, events: 420, claims: 560, sources: 14, exponent: 0.75 },
  small: { actors: 1_250, forums: 40, events: 3_750, claims: 5_000, sources: 125, exponent: 0.75 },
  medium: { actors: 50_000, forums: 207, events: 150_000, claims: 200_000, sources: 5_000, exponent: 0.8 },
  large: { actors: 125_000, forums: 400, events: 450_000, claims: 520_000, sources: 12_500, exponent: 0.8 },
} as const satisfies Record<string, SizeSpec>;

export type SizeName = keyof typeof SIZES;

export function isSizeName(name: string): name is SizeName {
  return Object.hasOwn(SIZES, name);
}
