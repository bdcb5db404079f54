/**
 * Writes the rows the loader resolves as CSV files for Neo4j's bulk importer (`neo4j-admin
 * database import full`): one table per label and per relationship type, each a header file with
 * typed columns and a data file, and the importer options that name them.
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { rename } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { DATE_KEYS, INTEGER_KEYS, type NodeLabel, type Props, type RelType } from "./graph-model.js";
import { RESERVED_CHARACTERS } from "./schema.js";
import { DatasetLoadError } from "./stream-load.js";

// The markers below are RESERVED_CHARACTERS (schema.ts): the dataset's validation refuses any
// text that holds one, so a marker in a field was always written by this module.

/** Between the elements of a list in one field. */
export const ARRAY_DELIMITER = "\u001f";
/**
 * The importer drops empty lists (an empty field is "no value"), yet the other paths store them.
 * An empty list is written as this one-element list and put back by `bulk-empty-list-*.cypher`.
 */
export const EMPTY_LIST = "\u001e";
/** EMPTY_LIST of an integer list column: no year a Neo4j date can hold, no count. */
export const EMPTY_LONG_LIST = Number.MIN_SAFE_INTEGER;
/**
 * A line feed inside a string (or an element of a string list) is written as this, a carriage
 * return as CARRIAGE_RETURN (so `\r\n` and a lone `\r` come back as they were): no field spans
 * lines, so the importer splits every file into chunks it parses in parallel (fields that span
 * lines make it read every file, not only theirs, the slow way). `bulk-line-breaks-*.cypher` puts
 * them back.
 */
export const LINE_FEED = "\u001d";
export const CARRIAGE_RETURN = "\u001c";

/** What a string needs a second look for: a line break or a reserved character. */
const SPECIAL = new RegExp(`[\\n\\r]|${RESERVED_CHARACTERS.source}`);
const LINE_BREAK = /[\n\r]/;
const onOneLine = (text: string) => text.replaceAll("\n", LINE_FEED).replaceAll("\r", CARRIAGE_RETURN);

export type ColumnType = "string" | "string[]" | "long" | "long[]" | "double" | "boolean" | "date";
type Column = { key: string; type: ColumnType };
/** Column types a table is told rather than learns from its keys (derived properties: MET's, Actor's meetings). */
export type DeclaredTypes = Partial<Record<NodeLabel | ImportRelType, Record<string, ColumnType>>>;
/** A row's properties: the model's, and MET's integer lists. */
export type CsvProps = Record<string, Props[string] | number[]>;
/** The model's relationship types and MET, which the bulk load derives itself (bulk-met.ts). */
export type ImportRelType = RelType | "MET";

/** Where the buffered text of a table is flushed to disk. */
const FLUSH_BYTES = 1 << 16;

/** How each property becomes one type of column: the same Cypher types the driver writes. */
function columnType(key: string, value: CsvProps[string], declared: Record<string, ColumnType>): ColumnType {
  const told = declared[key];
  if (told) return told;
  if (Array.isArray(value)) return "string[]";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return INTEGER_KEYS.has(key) ? "long" : "double";
  return DATE_KEYS.has(key) ? "date" : "string";
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;

/**
 * One label's (or relationship type's) rows. Columns are learnt from the rows: when a row brings
 * a property not seen before, the table starts a new segment (a header and a data file) with
 * the wider set of columns, since the importer needs every row of a file to have every column.
 * Generated and hand-written datasets settle on their columns within the first records.
 */
class Table {
  readonly segments: { header: string; data: string }[] = [];
  readonly emptyLists = new Set<string>();
  /** Keys of which some value held a line break, written as LINE_FEED / CARRIAGE_RETURN. */
  readonly lineBreaks = new Set<string>();
  #columns: Column[] = [];
  #types = new Map<string, ColumnType>();
  #stream: WriteStream | undefined;
  #buffer = "";
  rows = 0;

  constructor(
    readonly dir: string,
    readonly name: string,
    /** The columns that identify a row: `id:ID` or `:START_ID`, `:END_ID`. */
    readonly idColumns: string[],
    readonly declared: Record<string, ColumnType> = {},
  ) {}

  async add(ids: string[], props: CsvProps, where: string): Promise<void> {
    let widened = false;
    for (const [key, value] of Object.entries(props)) {
      if (key === "id" && this.idColumns[0] === "id:ID") continue; // the id column stores it
      const type = columnType(key, value, this.declared);
      const known = this.#types.get(key);
      if (known === undefined) {
        this.#types.set(key, type);
        this.#columns.push({ key, type });
        widened = true;
      } else if (known !== type) {
        throw new DatasetLoadError(
          `${where}: property ${key} of ${this.name} is a ${type} here and a ${known} elsewhere; the bulk importer stores one type per column. Load without --bulk.`,
        );
      }
    }
    if (widened || this.#stream === undefined) await this.#startSegment();
    const fields = ids.map(quote);
    for (const { key, type } of this.#columns) {
      const value = props[key];
      if (value === undefined) fields.push("");
      else if (type === "string[]") fields.push(this.#list(value as string[], key, where));
      else if (type === "long[]") fields.push(this.#longs(value as number[], key));
      else if (type === "string") fields.push(quote(this.#text(value as string, key, where)));
      else if (type === "date") fields.push(quote(value as string));
      else fields.push(String(value));
    }
    this.#buffer += `${fields.join(",")}\n`;
    this.rows++;
    if (this.#buffer.length >= FLUSH_BYTES) await this.#flush();
  }

  /** A string as one line of the CSV (see LINE_FEED); refuses a reserved character, which validation keeps out. */
  #text(value: string, key: string, where: string): string {
    if (!SPECIAL.test(value)) return value;
    if (RESERVED_CHARACTERS.test(value)) {
      throw new DatasetLoadError(
        `${where}: a value of ${key} (${JSON.stringify(value.length > 70 ? `${value.slice(0, 67)}...` : value)}) holds a control character U+001C to U+001F, which the bulk importer's CSV reserves. Load without --bulk.`,
      );
    }
    if (!LINE_BREAK.test(value)) return value;
    this.lineBreaks.add(key);
    return onOneLine(value);
  }

  #list(values: string[], key: string, where: string): string {
    if (values.length === 0) {
      this.emptyLists.add(key);
      return quote(EMPTY_LIST);
    }
    if (values.length === 1 && values[0] === "") {
      throw new DatasetLoadError(
        `${where}: ${key} is a list of one empty string, which the bulk importer reads as no value. Load without --bulk.`,
      );
    }
    return quote(values.map((value) => this.#text(value, key, where)).join(ARRAY_DELIMITER));
  }

  #longs(values: number[], key: string): string {
    if (values.length > 0) return values.join(ARRAY_DELIMITER);
    this.emptyLists.add(key);
    return String(EMPTY_LONG_LIST);
  }

  async #startSegment(): Promise<void> {
    await this.close();
    const base = path.join(this.dir, `${this.name.toLowerCase()}.${this.segments.length + 1}`);
    const header = `${base}.header.csv`;
    const data = `${base}.csv`;
    const columns = [...this.idColumns, ...this.#columns.map(({ key, type }) => `${key}:${type}`)];
    const headerStream = createWriteStream(header);
    headerStream.end(`${columns.join(",")}\n`);
    await once(headerStream, "close");
    this.segments.push({ header, data });
    this.#stream = createWriteStream(data);
  }

  async #flush(): Promise<void> {
    if (this.#buffer.length === 0 || !this.#stream) return;
    const text = this.#buffer;
    this.#buffer = "";
    if (!this.#stream.write(text)) await once(this.#stream, "drain");
  }

  async close(): Promise<void> {
    await this.#flush();
    const stream = this.#stream;
    this.#stream = undefined;
    if (!stream) return;
    stream.end();
    await once(stream, "close");
  }
}

/** A property whose empty lists were written as EMPTY_LIST, to be put back after the import. */
export interface EmptyLists {
  kind: "node" | "relationship";
  /** The label or relationship type. */
  name: string;
  key: string;
  /** What the one-element list holds: EMPTY_LIST, or EMPTY_LONG_LIST in an integer list. */
  marker: string | number;
}

/** A property where line breaks were written as markers, to be put back after the import. */
export interface LineBreaks {
  kind: "node" | "relationship";
  /** The label or relationship type. */
  name: string;
  key: string;
}

/**
 * One table's files and what its fix-ups need, as plain data: how a worker thread's writer hands
 * its tables to the main one (`ImportCsv.adopt`).
 */
export interface TableFiles {
  kind: "node" | "relationship";
  /** The label or relationship type. */
  name: string;
  segments: { header: string; data: string }[];
  emptyLists: { key: string; marker: string | number }[];
  lineBreaks: string[];
}

/** A row's first field, unquoted: `"passage:a:1-9",…` → `passage:a:1-9` (quotes inside are doubled, as `quote` writes them). */
export function firstField(line: string): string {
  let from = 1;
  for (;;) {
    const end = line.indexOf('"', from);
    if (end === -1) return line.slice(1);
    if (line[end + 1] !== '"') return line.slice(1, end).replaceAll('""', '"');
    from = end + 2;
  }
}

/**
 * Drops the rows of `table` whose first field (a node's id, a relationship's start) `drop`
 * accepts, rewriting its data files; returns how many it dropped. Every row is one line: no
 * field spans lines (LINE_FEED).
 * @example await dropRows(passagesOfAWorker, (id) => written.has(id)) // 1203
 */
export async function dropRows(table: TableFiles, drop: (id: string) => boolean): Promise<number> {
  let dropped = 0;
  for (const { data } of table.segments) {
    const kept = createWriteStream(`${data}.kept`);
    let buffer = "";
    for await (const line of createInterface({ input: createReadStream(data, "utf8"), crlfDelay: Infinity })) {
      if (drop(firstField(line))) {
        dropped++;
        continue;
      }
      buffer += `${line}\n`;
      if (buffer.length >= FLUSH_BYTES) {
        if (!kept.write(buffer)) await once(kept, "drain");
        buffer = "";
      }
    }
    kept.end(buffer);
    await once(kept, "close");
    await rename(`${data}.kept`, data);
  }
  return dropped;
}

/**
 * The CSV files of one bulk import, written row by row in bounded memory.
 * @example const csv = new ImportCsv(dir); await csv.node("Actor", row, "actors.yaml"); … await csv.close(); csv.importerArgs()
 */
export class ImportCsv {
  readonly #nodes = new Map<NodeLabel, Table>();
  readonly #relationships = new Map<ImportRelType, Table>();
  readonly #adopted: TableFiles[] = [];

  constructor(
    readonly dir: string,
    readonly declared: DeclaredTypes = {},
  ) {}

  node(label: NodeLabel, row: { id: string; props: CsvProps }, where: string): Promise<void> {
    const table = this.#nodes.get(label) ?? new Table(this.dir, label, ["id:ID"], this.declared[label]);
    this.#nodes.set(label, table);
    return table.add([row.id], row.props, where);
  }

  relationship(type: ImportRelType, row: { from: string; to: string; props: CsvProps }, where: string): Promise<void> {
    const table =
      this.#relationships.get(type) ?? new Table(this.dir, type, [":START_ID", ":END_ID"], this.declared[type]);
    this.#relationships.set(type, table);
    return table.add([row.from, row.to], row.props, where);
  }

  async close(): Promise<void> {
    for (const table of [...this.#nodes.values(), ...this.#relationships.values()]) await table.close();
  }

  /** This writer's tables as plain data (after `close`), for another writer to `adopt`. */
  tables(): TableFiles[] {
    const of = (kind: TableFiles["kind"], tables: Map<string, Table>) =>
      [...tables].map(([name, table]) => ({
        kind,
        name,
        segments: table.segments,
        emptyLists: [...table.emptyLists].map((key) => ({
          key,
          marker: table.declared[key] === "long[]" ? EMPTY_LONG_LIST : EMPTY_LIST,
        })),
        lineBreaks: [...table.lineBreaks],
      }));
    return [...of("node", this.#nodes), ...of("relationship", this.#relationships)];
  }

  /** Imports another writer's tables with this one's (each segment is a group of its own). */
  adopt(tables: readonly TableFiles[]): void {
    this.#adopted.push(...tables);
  }

  #all(): TableFiles[] {
    return [...this.tables(), ...this.#adopted];
  }

  /** Properties where an empty list was written as EMPTY_LIST, once each. */
  emptyLists(): EmptyLists[] {
    const seen = new Map<string, EmptyLists>();
    for (const { kind, name, emptyLists } of this.#all())
      for (const { key, marker } of emptyLists) seen.set(`${kind} ${name} ${key}`, { kind, name, key, marker });
    return [...seen.values()];
  }

  /** Properties where a line break was written as LINE_FEED / CARRIAGE_RETURN (strings and string lists), once each. */
  lineBreaks(): LineBreaks[] {
    const seen = new Map<string, LineBreaks>();
    for (const { kind, name, lineBreaks } of this.#all())
      for (const key of lineBreaks) seen.set(`${kind} ${name} ${key}`, { kind, name, key });
    return [...seen.values()];
  }

  /**
   * The importer's options for these files (after `close`): every segment as a `--nodes` or
   * `--relationships` group, one record per line.
   */
  importerArgs(reportFile: string): string[] {
    const groups = (kind: TableFiles["kind"]) =>
      this.#all()
        .filter((table) => table.kind === kind)
        .flatMap(({ name, segments }) =>
          segments.map(
            ({ header, data }) => `--${kind === "node" ? "nodes" : "relationships"}=${name}=${header},${data}`,
          ),
        );
    return [
      ...groups("node"),
      ...groups("relationship"),
      "--id-type=string",
      "--array-delimiter=U+001F",
      // Any bad entry (a duplicate id, a relationship to no node) fails the import: the data was
      // checked before, so one means a bug, and a store with a hole must never be swapped in.
      "--bad-tolerance=0",
      "--skip-bad-relationships=false",
      "--skip-duplicate-nodes=false",
      "--ignore-empty-strings=false",
      "--overwrite-destination=true",
      "--verbose", // a failure names the file, line and field
      `--report-file=${reportFile}`,
      // No --multiline-fields: no field spans lines (LINE_FEED). With `--multiline-fields=true`
      // the importer reads every file, not only the sources', with its quote-aware chunker, one
      // thread; its per-file mode (`--multiline-fields-format=v2` with the list of files) failed
      // on medium's sources ("found CR outside a text cell" at a 4 MB buffer boundary).
    ];
  }
}
