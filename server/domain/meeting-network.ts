/**
 * GET /api/meetings/network: the who-met-whom overview, chosen from precomputed MET relationships
 * (or, at a forum, from the forum's own events) so that no request aggregates the whole graph.
 */
import type { Node } from "neo4j-driver";
import type { MeetingNetworkResponse, MetData } from "../../common/api-types.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, toJson } from "../neo4j/to-elements.js";
import { chooseBackbone, type Tie } from "./backbone.js";
import { isoDate } from "./evidence.js";
import { EVENT_SAMPLE, MEETING_KINDS } from "./met-projection.js";
import { expectNode } from "./nodes.js";

const pool = defineQuery<{ actors: number }>("meetings/network-pool", "READ");
const atForum = defineQuery<{
  forum: string;
  kinds: readonly string[];
  from: string | null;
  to: string | null;
  events: number;
  sample: number;
  candidates: number;
}>("meetings/network-forum", "READ");
const edges = defineQuery<{ pairs: string[]; from: string | null; to: string | null }>(
  "meetings/network-edges",
  "READ",
);

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

const int = (value: unknown) => Number(toJson(value) ?? 0);

/**
 * How many of a pair's meetings fall in the window, from its counts by start year (the window is
 * widened to whole years); undated meetings count in any window, as elsewhere.
 * @example weightIn({ years: [2021, 2023], yearCounts: [2, 5], undated: 1 }, "2022-03-01", null) === 6
 */
export function weightIn(
  counts: { years: number[]; yearCounts: number[]; undated: number },
  from: string | null,
  to: string | null,
): number {
  const first = from ? Number(from.slice(0, 4)) : Number.NEGATIVE_INFINITY;
  const last = to ? Number(to.slice(0, 4)) : Number.POSITIVE_INFINITY;
  let weight = counts.undated;
  counts.years.forEach((year, index) => {
    if (year >= first && year <= last) weight += counts.yearCounts[index] ?? 0;
  });
  return weight;
}

/** The candidate ties: the pool (weighted by the window), or the pairs who met at the forum. */
async function candidates(
  runner: QueryRunner,
  options: NetworkOptions,
  signal?: AbortSignal,
): Promise<{ ties: Tie[]; events: Map<string, string[]> | null; complete: boolean }> {
  const from = options.from ?? null;
  const to = options.to ?? null;
  if (options.forum) {
    const { records } = await runner.run(
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
    const ties = records.map((record) => {
      const pair = String(record.get("pair"));
      events.set(pair, record.get("events") as string[]);
      return { pair, a: String(record.get("a")), b: String(record.get("b")), weight: int(record.get("count")) };
    });
    const held = int(records[0]?.get("held"));
    return { ties, events, complete: ties.length < FORUM_CANDIDATES && held <= FORUM_EVENTS };
  }
  const { records } = await runner.run(pool, { actors: options.actors }, { signal });
  const ties = records.map((record) => ({
    pair: String(record.get("pair")),
    a: String(record.get("a")),
    b: String(record.get("b")),
    weight:
      from || to
        ? weightIn(
            {
              years: (record.get("years") as unknown[]).map(int),
              yearCounts: (record.get("yearCounts") as unknown[]).map(int),
              undated: int(record.get("undated")),
            },
            from,
            to,
          )
        : int(record.get("count")),
  }));
  // Complete when the pool holds every pair who met (a small graph), not only the strongest.
  const pairs = int(records[0]?.get("pairs"));
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
  if (options.forum) await expectNode(runner, options.forum, "Forum", "forum", "GET /api/meetings/network", signal);
  const found = await candidates(runner, options, signal);
  const backbone = chooseBackbone(found.ties, options);
  const weights = new Map(backbone.ties.map((tie) => [tie.pair, tie.weight]));
  const { records } = await runner.run(
    edges,
    { pairs: backbone.ties.map((tie) => tie.pair), from: options.from ?? null, to: options.to ?? null },
    { signal },
  );
  const collector = new ElementCollector();
  const byPair = new Map<string, { data: MetData }>();
  for (const record of records) {
    const pair = String(record.get("pair"));
    const a = collector.addNode(record.get("a") as Node);
    const b = collector.addNode(record.get("b") as Node);
    const weight = weights.get(pair) ?? 0;
    const events = found.events?.get(pair) ?? (record.get("events") as string[]);
    const reported = (record.get("reported") as { claim: string; value: unknown; qualifier: string | null }[]).map(
      (claim) => ({ claim: claim.claim, value: Number(toJson(claim.value)), qualifier: claim.qualifier }),
    );
    byPair.set(pair, {
      data: {
        id: `${a.id}|MET|${b.id}`,
        source: a.id,
        target: b.id,
        type: "MET",
        label: `met (${weight})`,
        weight,
        events,
        first: isoDate(record.get("first")),
        last: isoDate(record.get("last")),
        forums: record.get("forums") as string[],
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
