/**
 * A dataset of events and claims with dates of every span the timeline meets (single days, weeks,
 * months, years, decades, periods, open ends), written as a dataset
 * folder, and the timeline's entries computed by brute force from the graph, for the window tests.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Driver } from "neo4j-driver";
import type { DateSpec } from "../../server/dataset/schema.js";
import { readRows } from "../support/neo4j.js";

export interface DatedRecord {
  id: string;
  /** The record's own date (an event always has one here). */
  date?: DateSpec;
  /** A claim's quantity period: the timeline places a claim without a date of its own by it. */
  period?: DateSpec;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A small deterministic generator (no Math.random: the same graph every run). */
function days(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state;
  };
}

/**
 * The mixed records: generated single days and short ranges from 2019 to 2024 (some on the same
 * day, so that ties are ordered by end and id), and by hand the long ones around the windows the
 * tests use.
 */
export function mixedRecords(): DatedRecord[] {
  const next = days(7);
  const day = () => {
    const d = new Date(Date.UTC(2019, 0, 1) + (next() % (6 * 365)) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  const after = (iso: string, n: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const records: DatedRecord[] = [];
  for (let i = 0; i < 60; i++) records.push({ id: `event:day-${pad(i, 3)}`, date: { on: day() } });
  for (let i = 0; i < 6; i++) records.push({ id: `event:same-day-${i}`, date: { on: "2022-03-04" } });
  for (let i = 0; i < 25; i++) {
    const start = day();
    records.push({ id: `event:week-${pad(i, 3)}`, date: { from: start, to: after(start, 1 + (next() % 13)) } });
  }
  for (let i = 0; i < 30; i++) records.push({ id: `claim:day-${pad(i, 3)}`, date: { on: day() } });
  for (let i = 0; i < 12; i++) {
    const year = 2019 + (i % 6);
    records.push({ id: `claim:trade-${pad(i, 3)}`, period: { on: String(year) } });
    records.push({ id: `claim:month-${pad(i, 3)}`, period: { on: `${year}-${pad(1 + (i % 12))}` } });
  }
  records.push(
    { id: "event:month-precision", date: { on: "2022-02" } },
    { id: "event:year-precision", date: { on: "2021" } },
    { id: "event:decades-into-window", date: { from: "1960", to: "2022-03-10" } },
    { id: "event:years-before-window", date: { from: "1980", to: "1999" } },
    { id: "event:multi-year-series", date: { from: "2016", to: "2023-06-30" } },
    { id: "event:open-end", date: { from: "2022-06-01" } },
    { id: "event:open-start", date: { to: "2022-01-01" } },
    { id: "claim:multi-year-date", date: { from: "2010", to: "2021-07-01" } },
    { id: "claim:period-decade-into-window", period: { from: "2001", to: "2022-03-05" } },
    { id: "claim:period-before-window", period: { from: "2000", to: "2005" } },
    { id: "claim:date-and-period", date: { on: "2021-11-11" }, period: { from: "1990", to: "2024" } },
    { id: "claim:period-open-start", period: { to: "2022-02" } },
  );
  return records;
}

const quote = (id: string) => `The record ${id} is dated.`;

/**
 * Writes `records` as a dataset folder `dir` (one source quoting each record once).
 * @example await writeDataset(dir, "timeline-mixed", mixedRecords())
 */
export async function writeDataset(dir: string, id: string, records: readonly DatedRecord[]): Promise<string> {
  await mkdir(path.join(dir, "sources"), { recursive: true });
  const source = `source:${id}`;
  const evidence = (record: DatedRecord) => [{ source, exact: quote(record.id) }];
  const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`; // YAML reads JSON
  await writeFile(
    path.join(dir, "sources", "text.txt"),
    `Dated records\n\n${records.map((record) => quote(record.id)).join("\n\n")}\n`,
  );
  await writeFile(
    path.join(dir, "manifest.yaml"),
    json({
      id,
      title: `Dated records (${id})`,
      description: "Events and claims with dates of every span, for the timeline's tests.",
      version: 1,
      sources: [
        {
          id: source,
          file: "sources/text.txt",
          title: "Dated records",
          author: null,
          authorAffiliation: null,
          publisher: null,
          url: null,
          published: null,
        },
      ],
    }),
  );
  const actor = `actor:${id}-subject`;
  await writeFile(
    path.join(dir, "actors.yaml"),
    json({ actors: [{ id: actor, name: `Subject of ${id}`, kind: "state" }] }),
  );
  await writeFile(path.join(dir, "forums.yaml"), json({ forums: [] }));
  const events = records.filter((record) => record.id.startsWith("event:"));
  await writeFile(
    path.join(dir, "events.yaml"),
    json({
      events: events.map((record) => ({
        id: record.id,
        name: `Event ${record.id}`,
        kind: "meeting",
        date: record.date,
        evidence: evidence(record),
      })),
    }),
  );
  const claims = records.filter((record) => record.id.startsWith("claim:"));
  await writeFile(
    path.join(dir, "claims.yaml"),
    json({
      claims: claims.map((record) => ({
        id: record.id,
        kind: record.period ? "quantity" : "fact",
        text: `Claim ${record.id}.`,
        ...(record.period ? { quantity: { measure: "trade", value: 1, unit: "USD", period: record.period } } : {}),
        ...(record.date ? { date: record.date } : {}),
        about: [actor],
        evidence: evidence(record),
      })),
    }),
  );
  return dir;
}

/**
 * Every event and claim the timeline lists for a window, by brute force over the graph (every
 * node read, no index, no span class): placed by its own date, else by its period; an open end is
 * its start; it overlaps when it ends on or after `from` and starts on or before `to`.
 * Ordered as the timeline orders: start, end, id. Returns "start|end|id" keys.
 */
export async function bruteForce(
  driver: Driver,
  window: { from: string | null; to: string | null; types?: readonly string[] },
): Promise<string[]> {
  const rows = await readRows(
    driver,
    `MATCH (n) WHERE (n:Event OR n:Claim) AND coalesce(n.dateStart, n.periodStart) IS NOT NULL
     WITH n, coalesce(n.dateStart, n.periodStart) AS start,
       CASE WHEN n.dateStart IS NOT NULL THEN coalesce(n.dateEnd, n.dateStart) ELSE coalesce(n.periodEnd, n.periodStart) END AS end
     WHERE ($types IS NULL OR any(label IN labels(n) WHERE label IN $types))
       AND ($from IS NULL OR end >= date($from)) AND ($to IS NULL OR start <= date($to))
     RETURN toString(start) + '|' + toString(end) + '|' + n.id AS key
     ORDER BY start, end, n.id`,
    { from: window.from, to: window.to, types: window.types ?? null },
  );
  return rows.map((row) => String(row.key));
}
