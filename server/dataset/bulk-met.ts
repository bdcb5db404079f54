/**
 * Who met whom, derived by the bulk load from the records it streams, as the importer's `MET`
 * table and each actor's `meetings`: what meetings/project-batch.cypher derives from the graph,
 * without a pass over the imported database. Bounded memory: one line per (pair, shared event)
 * and per (pair, aggregate claim) goes to one of BUCKETS files by a hash of the pair, and each
 * bucket is then aggregated on its own.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { EVENT_SAMPLE, MEETING_KINDS, MEETING_UNITS, POOL_RULES, type PoolRules } from "../domain/met-projection.js";
import type { ColumnType, CsvProps, ImportCsv } from "./bulk-csv.js";
import { PoolRanking } from "./bulk-ranks.js";
import { compareCodePoints } from "./code-points.js";
import type { NodeRow } from "./graph-model.js";
import type { RecordRows } from "./resolve.js";

/** The types of MET's properties, as project-batch.cypher (and project-pool's `pool`) stores them. */
export const MET_COLUMNS: Record<string, ColumnType> = {
  pair: "string",
  count: "long",
  first: "date",
  last: "date",
  years: "long[]",
  yearCounts: "long[]",
  undated: "long",
  events: "string[]",
  forums: "string[]",
  claims: "string[]",
  reported: "string[]",
  pageLow: "string",
  pageHigh: "string",
  pool: "long",
};
/** The types of the Actor properties the bulk load derives (project-batch's and project-ranks'). */
export const ACTOR_COLUMNS: Record<string, ColumnType> = { meetings: "long", metRank: "long" };

/** Files the pairs are spread over: a bucket of `large` (~3M pairs) holds about 12,000. */
const BUCKETS = 256;
/** Text buffered per bucket file before it is written: BUCKETS × this at most. */
const FLUSH_CHARS = 1 << 14;
/** Between the fields of a bucket line (ids are kebab-case slugs, dates ISO: neither holds one). */
const TAB = "\t";
const LIST = "\u001f";

const kinds: ReadonlySet<string> = new Set(MEETING_KINDS);
const units: ReadonlySet<string> = new Set(MEETING_UNITS);

/** A meeting-like event a pair shared: its id, start and end (ISO dates or null) and forums. */
export interface SharedEvent {
  id: string;
  start: string | null;
  end: string | null;
  forums: string[];
}

/** An aggregate claim about both of a pair; `reported` when it counts meetings and names no other person. */
export interface PairClaim {
  id: string;
  reported: boolean;
}

/** Distinct ids in code point order (the pairs of a list are then smaller id first, as `a.id < b.id`). */
const ordered = (ids: Iterable<string>) => [...new Set(ids)].sort(compareCodePoints);

/**
 * The properties of one pair's MET, exactly as meetings/project-batch.cypher sets them; null
 * when the pair shared no meeting-like event (claims alone make no MET). Dates are ISO strings
 * of fixed width, so they order as text.
 * @example metProps("actor:a", "actor:b", [{ id: "event:x", start: "2020-05-01", end: null, forums: [] }], [])
 */
export function metProps(
  a: string,
  b: string,
  events: SharedEvent[],
  claims: PairClaim[],
  names: { a: string | undefined; b: string | undefined },
): CsvProps | null {
  if (events.length === 0) return null;
  // ORDER BY e.dateStart DESC, e.id DESC: Cypher puts nulls first in a descending order.
  const latest = [...events].sort((x, y) => {
    if (x.start !== y.start) {
      if (x.start === null) return -1;
      if (y.start === null) return 1;
      return compareCodePoints(y.start, x.start);
    }
    return compareCodePoints(y.id, x.id);
  });
  const byYear = new Map<number, number>();
  let first: string | null = null;
  let last: string | null = null;
  let dated = 0;
  for (const { start, end } of events) {
    if (start === null) continue;
    dated++;
    const year = Number.parseInt(start, 10);
    byYear.set(year, (byYear.get(year) ?? 0) + 1);
    if (first === null || compareCodePoints(start, first) < 0) first = start;
    const until = end ?? start;
    if (last === null || compareCodePoints(until, last) > 0) last = until;
  }
  const years = [...byYear.keys()].sort((x, y) => x - y);
  const forums = ordered(events.flatMap((event) => event.forums));
  const claimIds = ordered(claims.map((claim) => claim.id));
  const reported = ordered(claims.filter((claim) => claim.reported).map((claim) => claim.id));
  const props: CsvProps = { pair: `${a}|${b}`, count: events.length };
  if (first !== null) props.first = first;
  if (last !== null) props.last = last;
  props.years = years;
  props.yearCounts = years.map((year) => byYear.get(year) as number);
  if (dated < events.length) props.undated = events.length - dated;
  props.events = latest
    .slice(0, EVENT_SAMPLE)
    .reverse()
    .map((event) => event.id);
  if (forums.length > 0) props.forums = forums;
  if (claimIds.length > 0) props.claims = claimIds;
  if (reported.length > 0) props.reported = reported;
  // The tie's place in each actor's counterpart list: most met first, then name, then id.
  const strength = String(1_999_999_999 - events.length).slice(1);
  // (Cypher's + gives null for a missing name: no key then, as there.)
  if (names.b !== undefined) props.pageLow = `${a}\u0001${strength}\u0001${names.b}\u0001${b}`;
  if (names.a !== undefined) props.pageHigh = `${b}\u0001${strength}\u0001${names.a}\u0001${a}`;
  return props;
}

/**
 * The pairs an aggregate claim is about (its actors, smaller id first), each `reported` when the
 * claim counts meetings (`countsMeetings`: its unit is one of MEETING_UNITS) and is about no
 * person but the two: "Xi and Putin met 40 times" reports, "Xi, Putin and Modi met…" does not.
 * @example claimPairs(["actor:b", "actor:a"], () => true, true) // [{ a: "actor:a", b: "actor:b", reported: true }]
 */
export function claimPairs(
  actors: Iterable<string>,
  isPerson: (id: string) => boolean,
  countsMeetings: boolean,
): { a: string; b: string; reported: boolean }[] {
  const ids = ordered(actors);
  const persons = ids.filter(isPerson).length;
  const pairs: { a: string; b: string; reported: boolean }[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as string;
      const b = ids[j] as string;
      const others = persons - (isPerson(a) ? 1 : 0) - (isPerson(b) ? 1 : 0);
      pairs.push({ a, b, reported: countsMeetings && others === 0 });
    }
  }
  return pairs;
}

/** Each line of a JSON-lines file this aggregator wrote, parsed, in order; the file is deleted once read. */
async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity }))
    if (line) yield JSON.parse(line) as T;
  await rm(file, { force: true });
}

/** 32-bit FNV-1a of a pair: which bucket it goes to. */
function bucketOf(a: string, b: string): number {
  let hash = 0x811c9dc5;
  for (const text of [a, b]) {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x7c, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}

/**
 * Watches the rows of every record as the bulk load writes them, and writes MET and the Actor
 * rows (held back until every event has counted its participants) at the end.
 * @example const met = new MetAggregator(dir); await met.record(rows); … await met.finish(csv)
 */
export class MetAggregator {
  /** Each actor seen: whether it is a person (a claim naming another person reports no pair's meetings). */
  readonly #persons = new Map<string, boolean>();
  /** Each actor's name: the counterpart lists' order (MET pageLow/pageHigh). */
  readonly #names = new Map<string, string>();
  readonly #meetings = new Map<string, number>();
  readonly #buffers: string[] = Array.from({ length: BUCKETS }, () => "");
  readonly #files: WriteStream[];
  readonly #actors: WriteStream;
  #actorBuffer = "";
  /** Folders of other aggregators' buckets (a worker thread's), read with this one's at `finish`. */
  readonly #adopted: string[] = [];

  constructor(
    readonly dir: string,
    /** The pool's thresholds (POOL_RULES; tests use small ones). */
    readonly rules: PoolRules = POOL_RULES,
  ) {
    this.#files = this.#buffers.map((_, index) => createWriteStream(this.#bucketFile(index)));
    this.#actors = createWriteStream(path.join(dir, "met-actors.jsonl"));
  }

  #bucketFile(index: number, dir = this.dir) {
    return path.join(dir, `met-bucket-${index}.txt`);
  }

  /**
   * Whether each actor is a person, for an aggregator that sees no Actor rows (a worker thread's,
   * writing claims' lines only): which of an aggregate claim's subjects make pairs.
   */
  knowPersons(persons: ReadonlyMap<string, boolean>): void {
    for (const [id, person] of persons) this.#persons.set(id, person);
  }

  /** Reads the buckets another aggregator wrote and closed in `dir` (the same BUCKETS) with this one's at `finish`. */
  adoptBuckets(dir: string): void {
    this.#adopted.push(dir);
  }

  /** An Actor row, written at `finish` with its `meetings`. */
  async actor(row: NodeRow): Promise<void> {
    this.#persons.set(row.id, row.props.kind === "person");
    if (typeof row.props.name === "string") this.#names.set(row.id, row.props.name);
    this.#actorBuffer += `${JSON.stringify(row)}\n`;
    if (this.#actorBuffer.length >= FLUSH_CHARS) {
      const text = this.#actorBuffer;
      this.#actorBuffer = "";
      if (!this.#actors.write(text)) await once(this.#actors, "drain");
    }
  }

  /** The rows of one record: an event's pairs and participants, an aggregate claim's pairs. */
  async record(rows: RecordRows): Promise<void> {
    for (const { label, row } of rows.nodes) {
      if (label === "Event" && kinds.has(row.props.kind as string)) await this.#event(row, rows);
      else if (label === "Claim" && row.props.kind === "aggregate") await this.#claim(row, rows);
    }
  }

  async #event(event: NodeRow, rows: RecordRows) {
    const participants = ordered(
      rows.relationships.filter((r) => r.type === "PARTICIPATED_IN" && r.row.to === event.id).map((r) => r.row.from),
    );
    if (participants.length === 0) return;
    for (const actor of participants) this.#meetings.set(actor, (this.#meetings.get(actor) ?? 0) + 1);
    const forums = ordered(
      rows.relationships.filter((r) => r.type === "AT_FORUM" && r.row.from === event.id).map((r) => r.row.to),
    );
    const start = (event.props.dateStart as string | undefined) ?? "";
    const end = (event.props.dateEnd as string | undefined) ?? "";
    const tail = `${TAB}E${TAB}${event.id}${TAB}${start}${TAB}${end}${TAB}${forums.join(LIST)}\n`;
    for (let i = 0; i < participants.length; i++) {
      for (let j = i + 1; j < participants.length; j++) {
        await this.#line(participants[i] as string, participants[j] as string, tail);
      }
    }
  }

  async #claim(claim: NodeRow, rows: RecordRows) {
    const about = rows.relationships
      .filter((r) => r.type === "ABOUT" && r.row.from === claim.id && this.#persons.has(r.row.to))
      .map((r) => r.row.to);
    const counts = units.has(claim.props.unit as string);
    for (const { a, b, reported } of claimPairs(about, (id) => this.#persons.get(id) === true, counts)) {
      await this.#line(a, b, `${TAB}C${TAB}${claim.id}${TAB}${reported ? 1 : 0}\n`);
    }
  }

  /** One line of what a pair shares (`tail`), to the pair's bucket. */
  async #line(a: string, b: string, tail: string) {
    const bucket = bucketOf(a, b);
    const text = `${this.#buffers[bucket]}${a}${TAB}${b}${tail}`;
    this.#buffers[bucket] = text;
    if (text.length >= FLUSH_CHARS) await this.#flush(bucket);
  }

  async #flush(bucket: number) {
    const text = this.#buffers[bucket] as string;
    this.#buffers[bucket] = "";
    const file = this.#files[bucket] as WriteStream;
    if (text.length > 0 && !file.write(text)) await once(file, "drain");
  }

  /** Closes every file this aggregator wrote (also after a failure), leaving them on disk. */
  async close(): Promise<void> {
    for (let index = 0; index < BUCKETS; index++) await this.#flush(index);
    if (this.#actorBuffer) this.#actors.write(this.#actorBuffer);
    this.#actorBuffer = "";
    const open = [...this.#files, this.#actors].filter((file) => !file.closed);
    await Promise.all(open.map((file) => once(file.end(), "close")));
  }

  /**
   * Writes one MET row per pair, one bucket at a time (deleting the bucket files), then the
   * held-back Actor rows with `meetings` and `metRank`; the MET rows the pool may mark are held
   * back until every pair is seen (bulk-ranks.ts). Returns what project-batch would have counted
   * and the pool marks project-pool would have set.
   */
  async finish(
    csv: Pick<ImportCsv, "node" | "relationship">,
    progress?: (pairs: number) => void,
  ): Promise<{ actors: number; pairs: number; pooled: number }> {
    await this.close();
    // Only actors with an Actor row are ranked, as project-ranks matches (:Actor).
    const active = [...this.#meetings].filter(([id]) => this.#persons.has(id));
    const ranking = new PoolRanking(active, this.rules);
    // The rows the pool may mark wait in a file (in memory, their strings, cut from a bucket's
    // text, would keep every bucket's text alive: +300 MB on `medium`).
    const heldFile = path.join(this.dir, "met-held.jsonl");
    const held = createWriteStream(heldFile);
    let pairs = 0;
    for (let index = 0; index < BUCKETS; index++) {
      const files = [this.#bucketFile(index), ...this.#adopted.map((dir) => this.#bucketFile(index, dir))];
      const shared = new Map<string, { events: SharedEvent[]; claims: PairClaim[] }>();
      let text = "";
      for (const file of files) text += await readFile(file, "utf8");
      for (const line of text.split("\n")) {
        if (!line) continue;
        const [a, b, kind, id, ...rest] = line.split(TAB) as string[];
        const key = `${a}${TAB}${b}`;
        const pair = shared.get(key) ?? { events: [], claims: [] };
        shared.set(key, pair);
        if (kind === "E") {
          const [start, end, forums] = rest as [string, string, string];
          pair.events.push({
            id: id as string,
            start: start || null,
            end: end || null,
            forums: forums ? forums.split(LIST) : [],
          });
        } else pair.claims.push({ id: id as string, reported: rest[0] === "1" });
      }
      for (const [key, { events, claims }] of shared) {
        const [a, b] = key.split(TAB) as [string, string];
        const props = metProps(a, b, events, claims, { a: this.#names.get(a), b: this.#names.get(b) });
        if (!props) continue;
        if (ranking.hold(a, b, events.length) === undefined)
          await csv.relationship("MET", { from: a, to: b, props }, "MET");
        else if (!held.write(`${JSON.stringify({ a, b, props })}\n`)) await once(held, "drain");
        pairs++;
      }
      for (const file of files) await rm(file, { force: true });
      progress?.(pairs);
    }
    await once(held.end(), "close");
    const { ranks, pool, pooled } = ranking.finish();
    let index = 0;
    for await (const { a, b, props } of jsonLines<{ a: string; b: string; props: CsvProps }>(heldFile)) {
      const mark = pool[index++];
      await csv.relationship(
        "MET",
        { from: a, to: b, props: mark === undefined ? props : { ...props, pool: mark } },
        "MET",
      );
    }
    let actors = 0;
    for await (const row of jsonLines<NodeRow>(path.join(this.dir, "met-actors.jsonl"))) {
      const props: CsvProps = { ...row.props, meetings: this.#meetings.get(row.id) ?? 0 };
      const metRank = ranks.get(row.id);
      if (metRank !== undefined) props.metRank = metRank;
      await csv.node("Actor", { id: row.id, props }, "actors.yaml");
      actors++;
    }
    return { actors, pairs, pooled };
  }
}
