/**
 * Evidence and dates as the API sends them: passages with their bounded paragraph context and
 * their sources (one projection, cypher/evidence/passages.cypher, for every use), and date bounds
 * with their precision.
 */
import { z } from "zod";
import type { DateValue, EvidenceItem, EvidenceResponse, Highlighted } from "../../common/api-types.js";
import { int, temporal } from "../neo4j/columns.js";
import { defineQuery, type QueryRunner } from "../neo4j/query-runner.js";
import { toJson } from "../neo4j/to-elements.js";
import { datePrecision } from "./date-precision.js";
import { UnknownIdsError } from "./errors.js";

/** Characters of paragraph kept on each side of a passage: a few sentences, enough to read it in place. */
export const CONTEXT_ROOM = 240;
/** What the database sends on each side: more than is kept, so that a cut shows and falls at a word. */
const WINDOW = CONTEXT_ROOM + 60;

/** A passage as cypher/evidence/passages.cypher projects it (the loader writes exact, start and end on every one). */
const PassageRow = z.object({
  id: z.string(),
  exact: z.string(),
  prefix: z.string().nullable(),
  suffix: z.string().nullable(),
  start: int(),
  end: int(),
  /** The window of the paragraph around the passage, and where `exact` starts in it. */
  context: z.string(),
  contextOffset: int(),
});

/** A source's metadata as cypher/evidence/passages.cypher projects it (a missing property comes as null). */
const SourceRow = z.object({
  id: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  authorAffiliation: z.string().nullable(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  publishedStart: temporal().nullable(),
  publishedEnd: temporal().nullable(),
  publishedPrecision: z.string().nullable(),
  publishedText: z.string().nullable(),
});

export type PassageRow = z.output<typeof PassageRow>;
export type SourceRow = z.output<typeof SourceRow>;

const passagesQuery = defineQuery<{ ids: string[]; room: number }>("evidence/passages", "READ").rows({
  passage: PassageRow,
  source: SourceRow,
});

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * A date from a node's properties under a prefix (`date`, `period`, `published`), or null when it has none.
 * @example dateValue({ dateStart: neo4jDate, datePrecision: "day", dateText: "9 May 2025" }, "date")
 */
export function dateValue(
  properties: Record<string, unknown>,
  prefix: "date" | "period" | "published",
): DateValue | null {
  const start = str(toJson(properties[`${prefix}Start`]));
  const end = str(toJson(properties[`${prefix}End`]));
  if (start === null && end === null) return null;
  return {
    start,
    end,
    precision: datePrecision(properties[`${prefix}Precision`]),
    text: str(properties[`${prefix}Text`]) ?? [start, end].filter(Boolean).join(" – "),
  };
}

/**
 * The passage inside (a window of) its paragraph, cut to about `room` characters on each side at a
 * word, "…" marking a cut, with the passage highlighted. Where the passage sits is found by its
 * offset, checked against the text, and searched for when the offset does not match; a passage
 * not found in the text stands alone.
 * @example passageContext("A met B.", "met", 2) // { text: "A met B.", highlights: [{ start: 2, end: 5 }] }
 */
export function passageContext(paragraph: string, exact: string, offset: number, room = CONTEXT_ROOM): Highlighted {
  let at = offset;
  if (paragraph.slice(at, at + exact.length) !== exact) at = exact.length === 0 ? -1 : paragraph.indexOf(exact);
  if (at < 0) return { text: exact, highlights: exact.length > 0 ? [{ start: 0, end: exact.length }] : [] };
  let before = paragraph.slice(0, at);
  let after = paragraph.slice(at + exact.length);
  if (before.length > room) {
    const cut = before.slice(-room);
    const space = cut.indexOf(" ");
    before = `…${space >= 0 && space < 30 ? cut.slice(space + 1) : cut}`;
  }
  if (after.length > room) {
    const cut = after.slice(0, room);
    const space = cut.lastIndexOf(" ");
    after = `${space > room - 30 ? cut.slice(0, space) : cut}…`;
  }
  return { text: before + exact + after, highlights: [{ start: before.length, end: before.length + exact.length }] };
}

/** A passage row and a source row as cypher/evidence/passages.cypher projects them → one EvidenceItem. */
export function evidenceItem(passage: PassageRow, source: SourceRow): EvidenceItem {
  return {
    passage: {
      id: passage.id,
      exact: passage.exact,
      prefix: passage.prefix,
      suffix: passage.suffix,
      start: passage.start,
      end: passage.end,
      context: passageContext(passage.context, passage.exact, passage.contextOffset),
    },
    source: {
      id: source.id,
      title: source.title,
      author: source.author ?? source.authorName,
      authorId: source.authorId,
      authorAffiliation: source.authorAffiliation,
      publisher: source.publisher,
      url: source.url,
      published: dateValue(source, "published"),
    },
  };
}

/** Evidence in reading order: by source, then by where the passage starts in it. */
function inSourceOrder(items: readonly EvidenceItem[]): EvidenceItem[] {
  return [...items].sort((a, b) => a.source.id.localeCompare(b.source.id) || a.passage.start - b.passage.start);
}

/**
 * The passages of these ids with their context and sources, by id (unknown ids are absent).
 * @example (await evidenceByIds(runner, ["passage:…:1287-1392"])).get("passage:…:1287-1392")?.source.title
 */
export async function evidenceByIds(
  runner: QueryRunner,
  ids: Iterable<string>,
  signal?: AbortSignal,
): Promise<Map<string, EvidenceItem>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const { rows } = await runner.run(passagesQuery, { ids: wanted, room: WINDOW }, { signal });
  const items = rows.map((row) => evidenceItem(row.passage, row.source));
  return new Map(items.map((item) => [item.passage.id, item]));
}

/**
 * The items of `ids` that were found, in reading order.
 * @example pick(found, ["passage:b", "passage:a"]) // both, by source and offset
 */
export function pick(found: ReadonlyMap<string, EvidenceItem>, ids: readonly string[]): EvidenceItem[] {
  return inSourceOrder([...new Set(ids)].flatMap((id) => found.get(id) ?? []));
}

/**
 * Passages by id, each in its paragraph with its source's metadata, in the order asked;
 * UnknownIdsError naming every id that is no passage.
 * @example await evidence(runner, { ids: ["passage:…:1287-1392"] })
 */
export async function evidence(
  runner: QueryRunner,
  options: { ids: readonly string[] },
  signal?: AbortSignal,
): Promise<EvidenceResponse> {
  const ids = [...new Set(options.ids)];
  const found = await evidenceByIds(runner, ids, signal);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) throw new UnknownIdsError("evidence", "passage", "ids", missing);
  return { evidence: ids.flatMap((id) => found.get(id) ?? []) };
}
