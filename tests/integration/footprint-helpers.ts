// Helpers of dataset-footprint.test.ts: a runner that records what a load runs, the plans of
// those queries, and a dump of everything the who-met-whom projection and the dates summary hold.
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import { cypher } from "../../server/neo4j/cypher-files.js";
import { type Query, QueryRunner, type Routing } from "../../server/neo4j/query-runner.js";
import { readRows, testNeo4j } from "../support/neo4j.js";

type Run = <Params extends object, Row>(query: Query<Params, Row>, params: Params) => Promise<Row[]>;

/** A QueryRunner that records every named query its transactions run, with the parameters. */
export class RecordingRunner extends QueryRunner {
  readonly calls: { name: string; params: object }[] = [];

  override transaction<T>(
    routing: Routing,
    label: string,
    work: (run: Run) => Promise<T>,
    options: { timeoutMs?: number } = {},
  ): Promise<T> {
    return super.transaction(
      routing,
      label,
      (run) =>
        work((query, params) => {
          this.calls.push({ name: query.name, params });
          return run(query, params);
        }),
      options,
    );
  }
}

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/** The operators of a named query's plan, as "<operator> <details>", planned with these parameters (EXPLAIN: nothing runs). */
export async function planOf(driver: Driver, name: string, params: object): Promise<string[]> {
  const session = driver.session({ database: testNeo4j().database });
  try {
    const result = await session.run(`EXPLAIN ${cypher(name)}`, params);
    const out: string[] = [];
    const walk = (node: PlanNode) => {
      out.push(`${node.operatorType.replace(/@.*$/, "")} ${String(node.arguments.Details ?? "")}`);
      node.children.forEach(walk);
    };
    walk(result.summary.plan as unknown as PlanNode);
    return out;
  } finally {
    await session.close();
  }
}

/**
 * Operators that read a whole label or every node or relationship, other than the bounded ones
 * the projection may use: the Dataset and Projection labels (a handful of nodes). A scan of an
 * index (`NodeIndexScan`, `RelationshipIndexScan`) is not counted: on a test graph of a few
 * hundred nodes the planner picks one (and joins) or a seek depending on the statistics earlier
 * test files left behind, so it is no property of the query; the plans on medium and large are
 * read in `npm run bench` (bench/plans.ts, docs/performance.md).
 */
export function scans(operators: string[]): string[] {
  return operators.filter(
    (op) =>
      /Scan/.test(op) &&
      !/^(Node|Relationship|DirectedRelationship|UndirectedRelationship)IndexScan /.test(op) &&
      !/^NodeByLabelScan \w+:(Dataset|Projection)$/.test(op),
  );
}

/** Everything derived: each MET with all its properties, each actor's meetings and rank, the dates summary. */
export async function derived(driver: Driver) {
  const met = await readRows(
    driver,
    "MATCH (a:Actor)-[r:MET]->(b:Actor) RETURN a.id AS a, b.id AS b, properties(r) AS props ORDER BY r.pair",
  );
  const actors = await readRows(
    driver,
    "MATCH (a:Actor) RETURN a.id AS id, a.meetings AS meetings, a.metRank AS metRank ORDER BY id",
  );
  const [summary] = await readRows(
    driver,
    `MATCH (p:Projection {id: 'projection:derived'})
     RETURN p.state AS state, p.datasets AS datasets, p.months AS months, p.overviewPairs AS overviewPairs,
       p.overviewMethod AS overviewMethod, p.overviewCandidates AS overviewCandidates, p.overviewTruncated AS overviewTruncated,
       p.eventClassSpans AS eventClassSpans, p.claimClassSpans AS claimClassSpans, p.periodClassSpans AS periodClassSpans`,
  );
  const { eventClassSpans, claimClassSpans, periodClassSpans, ...dates } = summary ?? {};
  // The longest span of each span class (index = class, −1 where none), per kind of date.
  const spans = [eventClassSpans, claimClassSpans, periodClassSpans].map((list) =>
    ((list as unknown[] | null | undefined) ?? []).map(Number),
  );
  return { met, actors, dates, spans };
}

/**
 * The builds-on-seed fixture with more that counts for who met whom: a dinner (a meeting of its
 * own actor with two of the seed's, in a month and with a span nothing else has) and an aggregate
 * claim that counts the two ministers' meetings over a period that starts in a month of its own.
 */
export async function richerFixture(fixture: string, temp: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-footprint-"));
  temp.push(dir);
  await cp(fixture, dir, { recursive: true });
  const events = await readFile(path.join(dir, "events.yaml"), "utf8");
  await writeFile(
    path.join(dir, "events.yaml"),
    `${events}  - id: event:minsk-dinner
    name: Dinner for both delegations, Minsk
    kind: meeting
    date: { from: "1940-06-12", to: "1994-02-20" }
    participants:
      - actor: actor:maxim-ryzhenkov
      - actor: actor:wang-yi
      - actor: actor:sergey-lavrov
    evidence:
      - source: source:lavrov-wang-talks-in-minsk
        exact: Belarusian Foreign Minister Maxim Ryzhenkov hosted a dinner for both delegations.
`,
  );
  const claims = await readFile(path.join(dir, "claims.yaml"), "utf8");
  await writeFile(
    path.join(dir, "claims.yaml"),
    `${claims}  - id: claim:ministers-met-over-a-dozen-times
    kind: aggregate
    text: Wang Yi and Sergey Lavrov met well over a dozen times since February 2022.
    quantity:
      measure: Wang Yi–Lavrov meetings
      value: 12
      unit: meetings
      qualifier: over
      period: { from: "1961-05", to: "2025-03" }
    about: [actor:wang-yi, actor:sergey-lavrov]
    evidence:
      - source: source:lavrov-wang-talks-in-minsk
        exact: bringing their tally to well over a dozen encounters
`,
  );
  return dir;
}

/** Removes one event (its item in events.yaml) from a dataset folder. */
export async function withoutEvent(dir: string, id: string): Promise<void> {
  const file = path.join(dir, "events.yaml");
  const [head, ...items] = (await readFile(file, "utf8")).split(/^(?= {2}- id: )/m);
  await writeFile(file, [head, ...items.filter((item) => !item.startsWith(`  - id: ${id}\n`))].join(""));
}

/** Empties a dataset folder of everything but its manifest and sources: what retracting it leaves. */
export async function emptied(dir: string): Promise<void> {
  for (const [file, key] of [
    ["actors.yaml", "actors"],
    ["events.yaml", "events"],
    ["claims.yaml", "claims"],
    ["evidence.yaml", "evidence"],
    ["forums.yaml", "forums"],
  ])
    await writeFile(path.join(dir, file as string), `${key}: []\n`);
}

/** A dataset built on the seed that holds one actor and nothing else: no meeting, no claim. */
export async function loneActor(fixture: string, temp: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "liaison-lone-"));
  temp.push(dir);
  await cp(fixture, dir, { recursive: true });
  await emptied(dir);
  const manifest = await readFile(path.join(dir, "manifest.yaml"), "utf8");
  await writeFile(
    path.join(dir, "manifest.yaml"),
    manifest
      .replace("id: fixture-builds-on-seed", "id: fixture-lone-actor")
      .replaceAll("source:lavrov-wang", "source:lone-lavrov-wang"),
  );
  await writeFile(
    path.join(dir, "actors.yaml"),
    `actors:
  - id: actor:lone-host
    name: Lone Host
    kind: person
    evidence:
      - source: source:lone-lavrov-wang-talks-in-minsk
        exact: hosted a dinner for both delegations
`,
  );
  return dir;
}
