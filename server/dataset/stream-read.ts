/**
 * Reads and checks a dataset folder in bounded memory: the manifest whole (it is small), the list
 * files one record at a time (yaml-stream.ts), the source texts on demand through a small cache.
 * Pass 1 (`scan`) checks each record's schema and collects ids; pass 2 (`records`) yields each
 * record again with the checks that need the whole dataset (references, evidence) applied.
 */
import { createHash } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { type RecordChecks, recordChecks } from "./checks.js";
import { furnitureLines } from "./evidence.js";
import { Actor, Claim, Event, Forum, Manifest, SourceDocument } from "./schema.js";
import type { Problem, ProblemCode, SourceText } from "./validate.js";
import { formatPath } from "./validate.js";
import { type StreamedItem, streamYamlList } from "./yaml-stream.js";

type Segment = string | number;

/** The list files, in the order they are read and written. */
export const LIST_FILES = [
  { file: "actors.yaml", key: "actors", kind: "actor", schema: Actor },
  { file: "forums.yaml", key: "forums", kind: "forum", schema: Forum },
  { file: "events.yaml", key: "events", kind: "event", schema: Event },
  { file: "claims.yaml", key: "claims", kind: "claim", schema: Claim },
] as const;

/** The file a record of pass 2 comes from: a source from the manifest, the others from their list file. */
export const fileOf = (record: AnyRecord): string =>
  LIST_FILES.find((list) => list.kind === record.kind)?.file ?? "manifest.yaml";

export type AnyRecord =
  | { kind: "source"; value: SourceText }
  | { kind: "actor"; value: Actor }
  | { kind: "forum"; value: Forum }
  | { kind: "event"; value: Event }
  | { kind: "claim"; value: Claim };

/** A list file's name, e.g. "claims.yaml". */
export type ListFile = (typeof LIST_FILES)[number]["file"];

/**
 * What pass 1 learnt that pass 2 needs, as plain data a worker thread can be given (structured
 * clone): pass 2 of some list files then runs there (bulk-part.ts).
 */
export interface ScanState {
  ids: Map<string, number>;
  actorNames: Map<string, string>;
  /** Each actor of the dataset: whether it is a person. */
  persons: Map<string, boolean>;
  sources: Map<string, SourceDocument>;
  sourceIndex: Map<string, number>;
}

/** Source texts kept in memory at once: claims come grouped by report, so a few suffice. */
const SOURCE_CACHE = 64;

const lastKey = (segments: readonly Segment[]) =>
  [...segments].reverse().find((segment): segment is string => typeof segment === "string") ?? null;

const valueAt = (raw: unknown, segments: readonly Segment[]): unknown =>
  segments.reduce<unknown>(
    (value, segment) =>
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined,
    raw,
  );

/** Where a record is, as one number: which list (manifest sources, actors…) × 2^32 + index. */
const LISTS = ["manifest.yaml sources", ...LIST_FILES.map((f) => `${f.file} ${f.key}`)];
const at = (list: string, index: number) => LISTS.indexOf(list) * 2 ** 32 + index;
/** `at` back to "claims.yaml claims[12]". */
const where = (code: number) => `${LISTS[Math.floor(code / 2 ** 32)]}[${code % 2 ** 32}]`;

async function hashFile(hash: ReturnType<typeof createHash>, file: string): Promise<void> {
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
}

/** A dataset folder read in bounded memory; see the module comment for the two passes. */
export class StreamedDataset {
  readonly problems: Problem[] = [];
  manifest: Manifest | undefined;
  checksum = "";
  /** Actors' names (roles and authors show them). */
  /** Every id → where it is defined, compactly (see `at`): ~0.4 M ids on medium. */
  readonly #ids: Map<string, number>;
  readonly #actorNames: Map<string, string>;
  readonly #persons: Map<string, boolean>;
  readonly #sources: Map<string, SourceDocument>;
  readonly #sourceIndex: Map<string, number>;
  readonly #cache = new Map<string, SourceText>();
  #item: { file: string; key: string; item: StreamedItem } | undefined;
  #manifestLine: (segments: readonly Segment[]) => number | null = () => null;
  readonly checks: RecordChecks;

  /** `state`: pass 1 ran elsewhere (`scanState`), and this one is ready for pass 2 of any list file. */
  constructor(
    readonly folder: string,
    state?: ScanState,
  ) {
    this.#ids = state?.ids ?? new Map();
    this.#actorNames = state?.actorNames ?? new Map();
    this.#persons = state?.persons ?? new Map();
    this.#sources = state?.sources ?? new Map();
    this.#sourceIndex = state?.sourceIndex ?? new Map();
    this.checks = recordChecks(
      (code, file, segments, message) => this.report(code, file, segments, message),
      (id) => this.#ids.has(id),
      (id) => this.sourceText(id),
    );
  }

  /** Records a problem; its line comes from the record being read, or from the manifest. */
  report(code: ProblemCode, file: string, segments: readonly Segment[], message: string, line?: number | null): void {
    let at: number | null = line ?? null;
    if (line === undefined) {
      const current = this.#item;
      if (current && current.file === file && segments[0] === current.key && segments[1] === current.item.index)
        at = current.item.lineOf(segments.slice(2));
      else if (file === "manifest.yaml") at = this.#manifestLine(segments);
    }
    this.problems.push({ code, file, line: at, path: formatPath(segments), field: lastKey(segments), message });
  }

  get counts() {
    return { ids: this.#ids.size, sources: this.#sources.size };
  }

  actorName(id: string): string | undefined {
    return this.#actorNames.get(id);
  }

  /** A source's text, read from disk when it is not among the last few used. */
  sourceText(id: string): SourceText | undefined {
    const cached = this.#cache.get(id);
    if (cached) {
      this.#cache.delete(id);
      this.#cache.set(id, cached);
      return cached;
    }
    const document = this.#sources.get(id);
    if (!document) return undefined;
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      readFileSync(path.resolve(this.folder, document.file)),
    );
    const entry = { document, text };
    this.#cache.set(id, entry);
    if (this.#cache.size > SOURCE_CACHE) this.#cache.delete(this.#cache.keys().next().value as string);
    return entry;
  }

  /** The manifest's sources that passed their checks, in the manifest's order. */
  sources(): SourceDocument[] {
    return [...this.#sources.values()];
  }

  /** Pass 1: the manifest and its source files, each record's schema, ids, the checksum. */
  async scan(): Promise<void> {
    const hash = createHash("sha256");
    await this.#scanManifest(hash);
    for (const { file, key, schema } of LIST_FILES) {
      const full = path.join(this.folder, file);
      try {
        await hashFile(hash.update(`${file}\0`), full);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT")
          this.report("FILE_MISSING", file, [], `the dataset has no ${file}`, null);
        else this.report("FILE_UNREADABLE", file, [], `cannot read ${file}: ${(error as Error).message}`, null);
        continue;
      }
      for await (const { item, value } of this.#items(file, key, schema as z.ZodType)) {
        const id = valueAt(item.raw, ["id"]);
        if (typeof id === "string") {
          const first = this.#ids.get(id);
          if (first !== undefined)
            this.report(
              "DUPLICATE_ID",
              file,
              [key, item.index, "id"],
              `id "${id}" is already used by ${where(first)}`,
              item.lineOf(["id"]),
            );
          else this.#ids.set(id, at(`${file} ${key}`, item.index));
        }
        if (value && key === "actors") {
          this.#actorNames.set((value as Actor).id, (value as Actor).name);
          this.#persons.set((value as Actor).id, (value as Actor).kind === "person");
        }
      }
    }
    // Sources first in the checksum's order of the whole-file reader: YAML files, then texts.
    for (const document of this.#sources.values())
      await hashFile(hash.update(`${document.file}\0`), path.resolve(this.folder, document.file));
    this.checksum = hash.digest("hex");
  }

  /** What pass 1 learnt, for a worker thread's `new StreamedDataset(folder, state)` (after `scan`). */
  scanState(): ScanState {
    return {
      ids: this.#ids,
      actorNames: this.#actorNames,
      persons: this.#persons,
      sources: this.#sources,
      sourceIndex: this.#sourceIndex,
    };
  }

  /** Each actor of the dataset (pass 1): whether it is a person. */
  get persons(): ReadonlyMap<string, boolean> {
    return this.#persons;
  }

  /**
   * Pass 2: every record that passed its schema, after the checks that need the whole dataset:
   * the manifest's sources (unless `sources` is false), then the records of `lists`.
   */
  async *records(
    lists: readonly ListFile[] = LIST_FILES.map((f) => f.file),
    sources = true,
  ): AsyncGenerator<AnyRecord> {
    for (const document of sources ? this.#sources.values() : []) {
      const before = this.problems.length;
      this.checks.source(document, this.#sourceIndex.get(document.id) ?? 0);
      const text = this.problems.length === before ? this.sourceText(document.id) : undefined;
      if (text) yield { kind: "source", value: text };
    }
    for (const { file, key, kind, schema } of LIST_FILES.filter((f) => lists.includes(f.file))) {
      for await (const { value, item } of this.#items(file, key, schema as z.ZodType, false)) {
        if (value === undefined) continue;
        this.#item = { file, key, item };
        const before = this.problems.length;
        (this.checks[kind] as (value: unknown, index: number) => void)(value, item.index);
        this.#item = undefined;
        if (this.problems.length === before) yield { kind, value } as AnyRecord;
      }
    }
  }

  /** The items of a list file with their schema-checked values; problems are reported once (pass 1). */
  async *#items(file: string, key: string, schema: z.ZodType, report = true) {
    const full = path.join(this.folder, file);
    const outside = (problem: { line: number; kind: ProblemCode; key: string | null; message: string }) => {
      if (report) this.report(problem.kind, file, problem.key ? [problem.key] : [], problem.message, problem.line);
    };
    let stream: AsyncGenerator<StreamedItem>;
    try {
      stream = streamYamlList(full, key, outside as never);
      for await (const item of stream) {
        if (item.errors.length > 0) {
          if (report) for (const error of item.errors) this.report("YAML_SYNTAX", file, [], error.message, error.line);
          continue;
        }
        const result = schema.safeParse(item.raw);
        if (!result.success && report) {
          this.#item = { file, key, item };
          for (const issue of result.error.issues) {
            const inner = issue.path.filter((s): s is Segment => typeof s !== "symbol");
            const segments = [key, item.index, ...inner];
            if (issue.code === "unrecognized_keys") {
              for (const k of issue.keys) this.report("UNKNOWN_FIELD", file, [...segments, k], `unknown field "${k}"`);
            } else if (issue.code !== "custom" && valueAt(item.raw, inner) === undefined) {
              this.report("MISSING_FIELD", file, segments, `required field is missing (${issue.message})`);
            } else this.report("INVALID_VALUE", file, segments, issue.message);
          }
          this.#item = undefined;
        }
        yield { item, value: result.success ? result.data : undefined };
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return; // reported by scan
      if (report) this.report("FILE_UNREADABLE", file, [], `cannot read ${file}: ${(error as Error).message}`, null);
    }
  }

  async #scanManifest(hash: ReturnType<typeof createHash>): Promise<void> {
    const file = "manifest.yaml";
    let source: string;
    try {
      const bytes = await readFile(path.join(this.folder, file));
      hash.update(`${file}\0`).update(bytes);
      source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        this.report("FILE_MISSING", file, [], `the dataset has no ${file}`, null);
      else this.report("FILE_UNREADABLE", file, [], `cannot read ${file}: ${(error as Error).message}`, null);
      return;
    }
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    for (const error of doc.errors)
      this.report(
        "YAML_SYNTAX",
        file,
        [],
        error.message.split("\n")[0] ?? error.code,
        lines.linePos(error.pos[0]).line,
      );
    if (doc.errors.length > 0) return;
    this.#manifestLine = (segments) => {
      for (let depth = segments.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(segments.slice(0, depth), true);
        const range = (node as { range?: [number, number, number] } | null)?.range;
        if (range) return lines.linePos(range[0]).line;
      }
      return null;
    };
    const raw = doc.toJS();
    const result = Manifest.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const segments = issue.path.filter((s): s is Segment => typeof s !== "symbol");
        if (issue.code === "unrecognized_keys")
          for (const k of issue.keys) this.report("UNKNOWN_FIELD", file, [...segments, k], `unknown field "${k}"`);
        else if (issue.code !== "custom" && valueAt(raw, segments) === undefined)
          this.report("MISSING_FIELD", file, segments, `required field is missing (${issue.message})`);
        else this.report("INVALID_VALUE", file, segments, issue.message);
      }
    } else this.manifest = result.data;
    const list = valueAt(raw, ["sources"]);
    for (const [index, item] of (Array.isArray(list) ? list : []).entries()) {
      const parsed = SourceDocument.safeParse(item);
      if (!parsed.success) continue;
      const document = parsed.data;
      const first = this.#ids.get(document.id);
      if (first !== undefined) {
        this.report(
          "DUPLICATE_ID",
          file,
          ["sources", index, "id"],
          `id "${document.id}" is already used by ${where(first)}`,
        );
        continue;
      }
      this.#ids.set(document.id, at(`${file} sources`, index));
      await this.#checkSourceFile(document, index);
    }
  }

  async #checkSourceFile(document: SourceDocument, index: number): Promise<void> {
    const at: Segment[] = ["sources", index, "file"];
    const file = path.resolve(this.folder, document.file);
    const relative = path.relative(path.resolve(this.folder), file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) {
      this.report("INVALID_VALUE", "manifest.yaml", at, `source file "${document.file}" is outside the dataset folder`);
      return;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await readFile(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT")
        this.report("FILE_MISSING", "manifest.yaml", at, `source file "${document.file}" does not exist`);
      else
        this.report(
          "FILE_UNREADABLE",
          "manifest.yaml",
          at,
          `cannot read "${document.file}": ${(error as Error).message}`,
        );
      return;
    }
    this.#sources.set(document.id, document);
    this.#sourceIndex.set(document.id, index);
    if (document.furniture.length === 0) return;
    const present = new Set(furnitureLines(text, document.furniture).map((line) => line.text.trim()));
    document.furniture.forEach((line, j) => {
      if (!present.has(line.trim()))
        this.report(
          "FURNITURE_NOT_FOUND",
          "manifest.yaml",
          ["sources", index, "furniture", j],
          `no line "${line}" in the source`,
        );
    });
  }
}
