/** Where newly expanded nodes go: on rings around their parent, clear of the nodes already placed, so nothing else moves. */

export interface Point {
  x: number;
  y: number;
}

/**
 * Positions for `count` new nodes around `parent`: rings of growing radius, each ring starting opposite
 * the centre of the existing graph so new nodes open outwards.
 * @example ringPositions({ x: 0, y: 0 }, 2, { x: -100, y: 0 }).length === 2
 */
export function ringPositions(parent: Point, count: number, centre: Point, spacing = 70): Point[] {
  const positions: Point[] = [];
  const away = Math.atan2(parent.y - centre.y, parent.x - centre.x);
  let ring = 1;
  let placed = 0;
  while (placed < count) {
    const radius = spacing * (ring + 0.5);
    const capacity = Math.max(6, Math.floor((2 * Math.PI * radius) / spacing));
    const onRing = Math.min(capacity, count - placed);
    // Parents inside the graph get a full ring; at its edge the fan opens away from the centre.
    const spread =
      parent.x === centre.x && parent.y === centre.y ? 2 * Math.PI : Math.min(2 * Math.PI, Math.PI * 1.2 + 0.3 * ring);
    for (let index = 0; index < onRing; index++) {
      const angle = away + (onRing === 1 ? 0 : spread * (index / (spread >= 2 * Math.PI ? onRing : onRing - 1) - 0.5));
      positions.push({ x: parent.x + radius * Math.cos(angle), y: parent.y + radius * Math.sin(angle) });
    }
    placed += onRing;
    ring++;
  }
  return positions;
}

/** The mean of some points (the origin when there are none). */
export function centroid(points: Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  const sum = points.reduce((acc, point) => ({ x: acc.x + point.x, y: acc.y + point.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}
