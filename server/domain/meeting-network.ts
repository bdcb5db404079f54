/**
 * The who-met-whom overview, chosen from precomputed MET relationships
 * (or, at a forum, from the forum's own events) so that no request aggregates the whole graph.
 */
import { z } from "zod";
import type { MeetingNetworkResponse, MetData } from "../../common/api-types.js";
import { int, listOrEmpty, node, num, temporal } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector } from "../neo4j/to-elements.js";
import { chooseBackbone, type Tie } from "./backbone.js";
import { EVENT_SAMPLE, MEETING_KINDS } from "./met-projection.js";
import { expectNode } from "./nodes.js";

const pool = defineQuery<{ actors: number; fromYear: number | null; toYear: number | null }>(
  "meetings/network-pool",
  "READ",
).rows({
  pair: z.string(),
  a: z.string(),
  b: z.string(),
  weight: int(),
  pairs: int(),
});
const atForum = defineQuery<{
  forum: string;
  kinds: readonly string[];
  from: string | null;
  to: string | null;
  events: number;
  sample: number;
  candidates: number;
}>("meetings/network-forum", "READ").rows({
  pair: z.string(),
  a: z.string(),
  b: z.string(),
  count: int(),
  events: z.array(z.string()),
  held: int(),
});
const edges = defineQuery<{ pairs: string[]; from: string | null; to: string | null }>(
  "meetings/network-edges",
  "READ",
).rows({
  pair: z.string(),
  a: node(),
  b: node(),
  first: temporal().nullable(),
  last: temporal().nullable(),
  forums: z.array(z.string()),
  events: listOrEmpty(z.string()),
  reported: z.array(z.object({ claim: z.string(), value: num().nullable(), qualifier: z.string().nullable() })),
});

/** Most events a forum's overview counts (its latest in the window), and most pairs it is chosen from (the heaviest). */
const FORUM_EVENTS = 1_000;
const FORUM_CANDIDATES = 5_000;

export interface NetworkOptions {
  forum?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Most lines. */
  limit: number;
  /** Most actors. */
  actors: number;
  /** Strongest ties kept per actor. */
  ties: number;
}

/** The year of an ISO date (or of a bare year), or null. */
const yearOf = (day: string | null) => (day ? Number(day.slice(0, 4)) : null);

/** The candidate ties: the pool (weighted by the window), or the pairs who met at the forum. */
async function candidates(
  runner: QueryRunner,
  options: NetworkOptions,
  signal?: AbortSignal,
): Promise<{ ties: Tie[]; events: Map<string, string[]> | null; complete: boolean }> {
  const from = options.from ?? null;
  const to = options.to ?? null;
  if (options.forum) {
    const { rows } = await runner.run(
      atForum,
      {
        forum: options.forum,
        kinds: MEETING_KINDS,
        from,
        to,
        events: FORUM_EVENTS,
        sample: EVENT_SAMPLE,
        candidates: FORUM_CANDIDATES,
      },
      { signal },
    );
    const events = new Map<string, string[]>();
    const ties = rows.map((row) => {
      events.set(row.pair, row.events);
      return { pair: row.pair, a: row.a, b: row.b, weight: row.count };
    });
    const held = rows[0]?.held ?? 0;
    return { ties, events, complete: ties.length < FORUM_CANDIDATES && held <= FORUM_EVENTS };
  }
  // Weighed by the meetings in the window's years (meetings/network-pool).
  const { rows } = await runner.run(
    pool,
    { actors: options.actors, fromYear: yearOf(from), toYear: yearOf(to) },
    { signal },
  );
  const ties = rows.map(({ pair, a, b, weight }) => ({ pair, a, b, weight }));
  // Complete when the pool holds every pair who met (a small graph), not only the strongest.
  const pairs = rows[0]?.pairs ?? 0;
  return { ties, events: null, complete: ties.length === pairs };
}

/**
 * The overview: a readable backbone of the strongest ties (see chooseBackbone), each edge with
 * its weight, latest events, dates, forums and the claims that count the pair's meetings.
 * @example await meetingNetwork(runner, { limit: 500, actors: 150, ties: 3 })
 */
export async function meetingNetwork(
  runner: QueryRunner,
  options: NetworkOptions,
  signal?: AbortSignal,
): Promise<MeetingNetworkResponse> {
  if (options.forum) await expectNode(runner, options.forum, "Forum", "forum", signal);
  const found = await candidates(runner, options, signal);
  const backbone = chooseBackbone(found.ties, options);
  const weights = new Map(backbone.ties.map((tie) => [tie.pair, tie.weight]));
  const { rows } = await runner.run(
    edges,
    { pairs: backbone.ties.map((tie) => tie.pair), from: options.from ?? null, to: options.to ?? null },
    { signal },
  );
  const collector = new ElementCollector();
  const byPair = new Map<string, { data: MetData }>();
  for (const row of rows) {
    const pair = row.pair;
    const a = collector.addNode(row.a);
    const b = collector.addNode(row.b);
    const weight = weights.get(pair) ?? 0;
    const events = found.events?.get(pair) ?? row.events;
    const reported = row.reported.map((claim) => ({
      claim: claim.claim,
      value: claim.value ?? 0,
      qualifier: claim.qualifier,
    }));
    byPair.set(pair, {
      data: {
        id: `${a.id}|MET|${b.id}`,
        source: a.id,
        target: b.id,
        type: "MET",
        label: `met (${weight})`,
        weight,
        events,
        first: row.first,
        last: row.last,
        forums: row.forums,
        // How often the sources say the pair met ("met 18 times"), which a single series event hides.
        reported,
        ...(reported[0] ? { reportedCount: reported[0].value } : {}),
      },
    });
  }
  const edgeList = backbone.ties.flatMap((tie) => byPair.get(tie.pair) ?? []);
  return {
    elements: { nodes: collector.elements().nodes, edges: edgeList },
    truncated: backbone.truncated || !found.complete,
    selection: {
      method: backbone.method,
      actors: options.actors,
      ties: options.ties,
      limit: options.limit,
      candidates: found.ties.length,
    },
  };
}
