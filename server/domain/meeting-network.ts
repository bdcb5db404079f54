/**
 * The who-met-whom overview, chosen from precomputed MET relationships
 * (or, at a forum, from the forum's own events) so that no request aggregates the whole graph.
 */
import { z } from "zod";
import type { MeetingNetworkResponse, MetData } from "../../common/api-types.js";
import { markShared } from "../lib/shared-responses.js";
import { int, listOrEmpty, node, num, temporal } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner, type RowOf } from "../neo4j/query-runner.js";
import { ElementCollector } from "../neo4j/to-elements.js";
import { chooseBackbone, type Tie } from "./backbone.js";
import { EVENT_SAMPLE, MEETING_KINDS } from "./met-projection.js";
import { expectNode } from "./nodes.js";
import type { Exec } from "./projections.js";

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
  forumCount: int(),
  count: int(),
  events: listOrEmpty(z.string()),
  reported: z.array(z.object({ claim: z.string(), value: num().nullable(), qualifier: z.string().nullable() })),
});

const storedOverview = defineQuery<{ actors: number; ties: number; limit: number }>("projection/overview", "READ").rows(
  {
    pairs: z.array(z.string()),
    method: z.enum(["all", "backbone"]),
    candidates: int(),
    truncated: z.boolean(),
    stamp: z.string().nullable(),
  },
);
const storeOverviewQuery = defineQuery<{
  pairs: string[];
  method: string;
  candidates: number;
  truncated: boolean;
  actors: number;
  ties: number;
  limit: number;
}>("projection/overview-set", "WRITE").rows({ pairs: int() });

/** Most events a forum's overview counts (its latest in the window), and most pairs it is chosen from (the heaviest). */
const FORUM_EVENTS = 1_000;
const FORUM_CANDIDATES = 5_000;

/**
 * The overview's options when none are given: the first view every visitor opens, which each
 * projection chooses and stores (storeOverview), so that it costs index seeks, not the pool.
 */
export const OVERVIEW_DEFAULTS = { limit: 500, actors: 150, ties: 3 } as const;

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

/** Which pairs the overview draws, heaviest first, and how they were chosen. */
interface Choice {
  pairs: string[];
  /** Each pair's weight; null when it is the pair's count (no window, no forum). */
  weights: Map<string, number> | null;
  /** The events of each pair at the forum; null: the MET relationship's sample. */
  events: Map<string, string[]> | null;
  method: "all" | "backbone";
  truncated: boolean;
  candidates: number;
  /** The derived data's stamp when the projection stored this choice (the first view): what it is drawn from. */
  stamp?: string | undefined;
}

/** The backbone chosen among `ties` now; `partial` when the candidates were not every pair. */
function chooseNow(
  ties: Tie[],
  options: NetworkOptions,
  partial: boolean,
  events: Map<string, string[]> | null = null,
): Choice {
  const backbone = chooseBackbone(ties, options);
  return {
    pairs: backbone.ties.map((tie) => tie.pair),
    weights: new Map(backbone.ties.map((tie) => [tie.pair, tie.weight])),
    events,
    method: backbone.method,
    truncated: backbone.truncated || partial,
    candidates: ties.length,
  };
}

/** Chooses the backbone among the pool's rows (meetings/network-pool), weighed by the window. */
function choosePooled(rows: RowOf<typeof pool>[], options: NetworkOptions): Choice {
  const ties = rows.map(({ pair, a, b, weight }) => ({ pair, a, b, weight }));
  // Complete when the pool holds every pair who met (a small graph), not only the strongest.
  return chooseNow(ties, options, ties.length !== (rows[0]?.pairs ?? 0));
}

/** The pairs to draw: stored by the projection (the first view), or chosen now among the candidates. */
async function choose(runner: QueryRunner, options: NetworkOptions, signal?: AbortSignal): Promise<Choice> {
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
    const ties: Tie[] = rows.map((row) => {
      events.set(row.pair, row.events);
      return { pair: row.pair, a: row.a, b: row.b, weight: row.count };
    });
    const held = rows[0]?.held ?? 0;
    return chooseNow(ties, options, ties.length >= FORUM_CANDIDATES || held > FORUM_EVENTS, events);
  }
  if (from === null && to === null) {
    const { actors, ties, limit } = options;
    const [stored] = (await runner.run(storedOverview, { actors, ties, limit }, { signal })).rows;
    if (stored) return { ...stored, stamp: stored.stamp ?? undefined, weights: null, events: null };
  }
  // Weighed by the meetings in the window's years (meetings/network-pool).
  const { rows } = await runner.run(
    pool,
    { actors: options.actors, fromYear: yearOf(from), toYear: yearOf(to) },
    { signal },
  );
  return choosePooled(rows, options);
}

/**
 * Chooses the first view (OVERVIEW_DEFAULTS, no window) from the pool and stores it on the
 * projection: run after every projection, full or incremental, once the pool is marked.
 * @example await storeOverview(run)
 */
export async function storeOverview(exec: Exec): Promise<number> {
  const options: NetworkOptions = { ...OVERVIEW_DEFAULTS };
  const rows = await exec(pool, { actors: options.actors, fromYear: null, toYear: null });
  const choice = choosePooled(rows, options);
  const [stored] = await exec(storeOverviewQuery, {
    pairs: choice.pairs,
    method: choice.method,
    candidates: choice.candidates,
    truncated: choice.truncated,
    ...OVERVIEW_DEFAULTS,
  });
  return stored?.pairs ?? 0;
}

/**
 * The first view each runner last drew, under the stamp of the derived data it was drawn from:
 * every visitor opens the same first view, and it changes only when a load re-projects (which
 * stamps the derived data anew, projection/done). Each request still reads the stamp from
 * Neo4j, so every app instance serves what the database holds now; nothing here must outlive
 * the process.
 */
const firstViews = new WeakMap<QueryRunner, { stamp: string; response: MeetingNetworkResponse }>();

/**
 * The overview: a readable backbone of the strongest ties (see chooseBackbone), each edge with
 * its weight, latest events, dates, how many forums and the claims that count the pair's meetings.
 * @example await meetingNetwork(runner, { limit: 500, actors: 150, ties: 3 })
 */
export async function meetingNetwork(
  runner: QueryRunner,
  options: NetworkOptions,
  signal?: AbortSignal,
): Promise<MeetingNetworkResponse> {
  if (options.forum) await expectNode(runner, options.forum, "Forum", "forum", signal);
  const choice = await choose(runner, options, signal);
  const drawn = choice.stamp === undefined ? undefined : firstViews.get(runner);
  if (drawn && drawn.stamp === choice.stamp) return drawn.response;
  const response = await draw(runner, choice, options, signal);
  if (choice.stamp === undefined) return response;
  firstViews.set(runner, { stamp: choice.stamp, response: markShared(response) });
  return response;
}

/** The chosen pairs' edges and actors, as the overview sends them. */
async function draw(
  runner: QueryRunner,
  choice: Choice,
  options: NetworkOptions,
  signal?: AbortSignal,
): Promise<MeetingNetworkResponse> {
  const { rows } = await runner.run(
    edges,
    { pairs: choice.pairs, from: options.from ?? null, to: options.to ?? null },
    { signal },
  );
  const collector = new ElementCollector();
  const byPair = new Map<string, { data: MetData }>();
  for (const row of rows) {
    const pair = row.pair;
    const a = collector.addNode(row.a);
    const b = collector.addNode(row.b);
    const weight = choice.weights ? (choice.weights.get(pair) ?? 0) : row.count;
    const events = choice.events?.get(pair) ?? row.events;
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
        forumCount: row.forumCount,
        // How often the sources say the pair met ("met 18 times"), which a single series event hides.
        reported,
        ...(reported[0] ? { reportedCount: reported[0].value } : {}),
      },
    });
  }
  const edgeList = choice.pairs.flatMap((pair) => byPair.get(pair) ?? []);
  return {
    elements: { nodes: collector.elements().nodes, edges: edgeList },
    truncated: choice.truncated,
    selection: {
      method: choice.method,
      actors: options.actors,
      ties: options.ties,
      limit: options.limit,
      candidates: choice.candidates,
    },
  };
}
