/**
 * The endpoints the benchmark times, each with the `cypher/` queries its use case runs (checked
 * against what the app actually ran, so this table cannot drift from the code), and the subjects
 * they ask about, picked from the loaded graph by cypher/bench/subjects.cypher.
 */
import { z } from "zod";
import { int } from "../server/neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../server/neo4j/query-runner.js";

const subjectsQuery = defineQuery<Record<string, never>>("bench/subjects", "READ").rows({
  hub: z.string().nullable(),
  hubName: z.string().nullable(),
  hubCounterparts: int(),
  counterpart: z.string().nullable(),
  other: z.string().nullable(),
  claim: z.string().nullable(),
  passage: z.string().nullable(),
  passageId: z.string().nullable(),
  year: int().nullable(),
});

export interface Subjects {
  hub: string;
  hubName: string;
  hubCounterparts: number;
  counterpart: string | null;
  other: string;
  claim: string | null;
  passage: string | null;
  /** The id of that passage. */
  passageId: string | null;
  year: number | null;
}

export interface BenchEndpoint {
  name: string;
  /** The request, under /api. */
  path: string;
  /**
   * The named queries the request may run (what it ran, in order and with which parameters, is
   * recorded from a warm request: some parameters, such as the overview's pair keys, are computed
   * from earlier results). A request that runs any other query fails the benchmark.
   */
  queries: string[];
}

/** Picks the subjects from the graph; fails when the graph has no actor. */
export async function pickSubjects(runner: QueryRunner): Promise<Subjects> {
  const { rows } = await runner.run(subjectsQuery, {});
  const row = rows[0];
  if (!row?.hub || !row.other) throw new Error("bench: the database holds no actor to ask about");
  return {
    hub: row.hub,
    hubName: row.hubName ?? row.hub,
    hubCounterparts: row.hubCounterparts,
    counterpart: row.counterpart,
    other: row.other,
    claim: row.claim,
    passage: row.passage,
    passageId: row.passageId,
    year: row.year,
  };
}

/** Three consecutive words of a passage, quoted: a phrase search that must match it. */
export function phraseOf(passage: string | null): string {
  const words = (passage ?? "").split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}'-]/gu, ""));
  for (let i = 0; i + 3 <= words.length; i++) {
    const three = words.slice(i, i + 3);
    if (three.every((word) => word.length >= 3)) return `"${three.join(" ")}"`;
  }
  return `"${words.filter(Boolean).slice(0, 3).join(" ")}"`;
}

/** Every read endpoint the explorer uses, as the explorer calls it (client/api/client.ts, client/app.ts). */
export function benchEndpoints(s: Subjects): BenchEndpoint[] {
  const q = encodeURIComponent;
  const window = s.year === null ? "" : `from=${s.year}&to=${s.year + 1}`;
  const words = s.hubName.split(/\s+/);
  const partial = (words.at(-1) ?? s.hubName).slice(0, 4);
  // A page in the middle of the hub's counterparts, at a page boundary.
  const laterPage = Math.floor(s.hubCounterparts / 2 / 50) * 50;
  const list: (BenchEndpoint | false)[] = [
    {
      name: "network (first view)",
      path: "/meetings/network",
      // The backbone the projection stored (projection/overview), or, were it missing, the pool's.
      queries: ["projection/overview", "meetings/network-pool", "meetings/network-edges"],
    },
    s.year !== null && {
      name: "network, window",
      path: `/meetings/network?${window}`,
      queries: ["meetings/network-pool", "meetings/network-edges"],
    },
    {
      name: "meetings of the hub",
      path: `/meetings?actor=${q(s.hub)}`,
      queries: ["nodes/by-id", "meetings/counterparts", "meetings/details", "evidence/passages"],
    },
    {
      name: "meetings of the hub, later page",
      path: `/meetings?actor=${q(s.hub)}&offset=${laterPage}`,
      queries: ["nodes/by-id", "meetings/counterparts", "meetings/details", "evidence/passages"],
    },
    s.counterpart !== null && {
      name: "pair events (hub and its most met)",
      path: `/meetings?actor=${q(s.hub)}&with=${q(s.counterpart)}`,
      queries: [
        "nodes/by-id",
        "meetings/counterparts",
        "meetings/pair-events",
        "meetings/details",
        "evidence/passages",
      ],
    },
    {
      name: "neighbourhood of the hub, depth 1",
      path: `/nodes/${q(s.hub)}/neighbourhood?depth=1&limit=60`,
      queries: ["nodes/by-id", "nodes/expand-nearest", "nodes/expand", "nodes/subgraph"],
    },
    {
      name: "neighbourhood of the hub, 2-hop capped",
      path: `/nodes/${q(s.hub)}/neighbourhood?depth=2&limit=100`,
      queries: ["nodes/by-id", "nodes/expand-nearest", "nodes/expand", "nodes/subgraph"],
    },
    { name: "search, exact name", path: `/search?q=${q(s.hubName)}&limit=20`, queries: ["search/hits"] },
    { name: "search, partial word", path: `/search?q=${q(partial)}&limit=20`, queries: ["search/hits"] },
    { name: "search, phrase", path: `/search?q=${q(phraseOf(s.passage))}&limit=20`, queries: ["search/hits"] },
    { name: "timeline page", path: "/timeline", queries: ["timeline/entries"] },
    s.year !== null && {
      name: "timeline window",
      path: `/timeline?from=${s.year}&to=${s.year}`,
      queries: ["projection/state", "timeline/window"],
    },
    {
      name: "schema",
      path: "/schema",
      queries: ["graph/counts", "graph/date-span", "graph/property-keys", "projection/state"],
    },
    { name: "health", path: "/health", queries: ["health/version", "health/counts-by-label"] },
    { name: "node by id", path: `/nodes/${q(s.hub)}`, queries: ["nodes/by-id"] },
    s.claim !== null && {
      name: "provenance of a claim",
      path: `/nodes/${q(s.claim)}/provenance`,
      queries: ["nodes/by-id", "nodes/provenance", "nodes/speakers", "evidence/passages"],
    },
    s.passageId !== null && {
      name: "evidence of a passage",
      path: `/evidence?ids=${q(s.passageId)}`,
      queries: ["evidence/passages"],
    },
    {
      name: "paths hub → 5th busiest",
      path: `/paths?from=${q(s.hub)}&to=${q(s.other)}`,
      queries: ["nodes/by-id", "paths/shortest", "evidence/passages"],
    },
  ];
  return list.filter((entry): entry is BenchEndpoint => entry !== false);
}
