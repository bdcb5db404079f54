/** Where newly expanded nodes go: on rings around their parent, clear of the nodes already placed, so nothing else moves. */

export interface Point {
  x: number;
  y: number;
}

/**
 * Positions for `count` new nodes around `parent`: rings of growing radius, each filled from the direction
 * opposite the centre of the existing graph so new nodes open outwards, skipping spots closer than `spacing`
 * to a node already placed (`occupied`), so nothing lands on top of what is there.
 * @example ringPositions({ x: 0, y: 0 }, 2, { x: -100, y: 0 }).length === 2
 */
export function ringPositions(
  parent: Point,
  count: number,
  centre: Point,
  spacing = 70,
  occupied: Point[] = [],
): Point[] {
  const positions: Point[] = [];
  const away = Math.atan2(parent.y - centre.y, parent.x - centre.x);
  const free = (point: Point) =>
    [...occupied, ...positions].every((other) => Math.hypot(other.x - point.x, other.y - point.y) >= spacing * 0.9);
  // Past this many rings, crowding is accepted rather than searching forever.
  const lastRing = 12 + Math.ceil(count / 6);
  for (let ring = 1; positions.length < count; ring++) {
    const radius = spacing * (ring + 0.5);
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    // Slots round the ring, nearest to the outward direction first.
    const slots = Array.from({ length: capacity }, (_, index) => {
      const offset = (2 * Math.PI * Math.ceil(index / 2)) / capacity;
      return away + (index % 2 === 0 ? offset : -offset);
    }).map((angle) => ({ x: parent.x + radius * Math.cos(angle), y: parent.y + radius * Math.sin(angle) }));
    for (const slot of slots) {
      if (positions.length >= count) break;
      if (ring >= lastRing || free(slot)) positions.push(slot);
    }
  }
  return positions;
}

/** The mean of some points (the origin when there are none). */
export function centroid(points: Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  const sum = points.reduce((acc, point) => ({ x: acc.x + point.x, y: acc.y + point.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}
