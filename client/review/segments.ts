/** Overlapping highlights made drawable: a text cut at every span boundary, each piece knowing the spans over it. */

export interface HighlightSpan {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Ids of the spans covering this piece, innermost (shortest) first; empty for plain text. */
  ids: string[];
}

/**
 * Cuts `[from, to)` at every boundary of `spans` (clipped to it), so that each piece is covered by the same
 * spans throughout. Nested and crossing spans both work; empty spans are ignored.
 * @example segments(0, 10, [{ id: "m", start: 0, end: 10 }, { id: "a", start: 2, end: 4 }])
 *   // [{0,2,["m"]}, {2,4,["a","m"]}, {4,10,["m"]}]
 */
export function segments(from: number, to: number, spans: readonly HighlightSpan[]): Segment[] {
  const inside = spans
    .map((span) => ({ ...span, start: Math.max(span.start, from), end: Math.min(span.end, to) }))
    .filter((span) => span.end > span.start);
  const cuts = new Set([from, to]);
  for (const span of inside) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    const covering = inside
      .filter((span) => span.start <= start && span.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.id.localeCompare(b.id));
    out.push({ start, end, ids: covering.map((span) => span.id) });
  }
  return out;
}
