/** Where newly expanded nodes go: on rings around their parent, clear of the nodes already placed, so nothing else moves. */
import type { ConsoleElements } from "../../common/api-types.js";

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

/** The existing node that most new edges touch (undefined when none does): where new nodes without a parent gather. */
export function mostLinked(fresh: ConsoleElements, exists: (id: string) => boolean): string | undefined {
  const counts = new Map<string, number>();
  for (const edge of fresh.edges) {
    for (const end of [edge.data.source, edge.data.target])
      if (exists(end)) counts.set(end, (counts.get(end) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, count] of counts) if (!best || count > (counts.get(best) ?? 0)) best = id;
  return best;
}

/**
 * Starting places for nodes about to be laid out, none on top of another. Nodes added without a position all sit at
 * the origin until the layout moves them, and Cytoscape cannot draw an edge between two stacked nodes of some shapes
 * (it warns "Edge … has invalid endpoints"); nodes a filter hides are not laid out at all and would stay stacked.
 * @example spreadPositions(2).length === 2
 */
export function spreadPositions(count: number): Point[] {
  return ringPositions({ x: 0, y: 0 }, count, { x: 0, y: 0 }, 70);
}
