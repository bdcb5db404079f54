/** Helpers of the paging tests: reading every page of a paged endpoint, and who met whom counted straight from PARTICIPATED_IN. */
import type { Driver } from "neo4j-driver";
import { readRows } from "../support/neo4j.js";

/**
 * Calls `page` from the first position until it says there is no next one, and returns every item
 * in order. Fails after 1,000 pages (a cursor that never ends).
 */
export async function pageThrough<Item, Position>(
  page: (at: Position) => Promise<{ items: Item[]; next: Position | null }>,
  first: Position = 0 as Position,
): Promise<Item[]> {
  const items: Item[] = [];
  let at: Position | null = first;
  for (let pages = 0; at !== null; pages++) {
    if (pages >= 1_000) throw new Error("pageThrough: more than 1,000 pages");
    const result: { items: Item[]; next: Position | null } = await page(at);
    items.push(...result.items);
    at = result.next;
  }
  return items;
}

/**
 * Every pair of actors who took part in the same event of these kinds (at the forum, when one is
 * given), keyed "<smaller id>|<larger id>", with the shared event ids in date order (undated last).
 */
export async function coParticipation(
  driver: Driver,
  kinds: readonly string[],
  forum: string | null = null,
): Promise<Map<string, { events: string[] }>> {
  const rows = await readRows(
    driver,
    `MATCH (a:Actor)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Actor)
     WHERE a.id < b.id AND e.kind IN $kinds
       AND ($forum IS NULL OR EXISTS { (e)-[:AT_FORUM]->(:Forum {id: $forum}) }
            OR EXISTS { (e)-[:PART_OF]->(:Event)-[:AT_FORUM]->(:Forum {id: $forum}) })
     WITH a, b, e ORDER BY e.dateStart, e.id
     RETURN a.id + '|' + b.id AS pair, collect(e.id) AS events`,
    { kinds, forum },
  );
  return new Map(rows.map((row) => [String(row.pair), { events: row.events as string[] }]));
}

/** How many lines each actor has among these edges. */
export function degrees(edges: readonly { source: string; target: string }[]): Map<string, number> {
  const degree = new Map<string, number>();
  for (const { source, target } of edges) {
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  return degree;
}
