/**
 * Validates a dataset folder before anything is written: schema (unknown, missing and invalid
 * fields), duplicate ids, dangling references, evidence that is not in its source or is ambiguous,
 * furniture, missing and unreadable files. Every problem is reported at once, with file, line,
 * path and field.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";
import type { z } from "zod";
import { LiaisonError } from "../lib/errors.js";
import { recordChecks } from "./checks.js";
import { furnitureLines } from "./evidence.js";
import type { GraphCheck, IdAt } from "./external.js";
import {
  Actor,
  Claim,
  DatasetFiles,
  Event,
  ExtraEvidence,
  type ExtraEvidence as ExtraEvidenceType,
  Forum,
  Manifest,
  OPTIONAL_FILES,
  SourceDocument,
} from "./schema.js";

export type ProblemCode =
  | "FILE_MISSING"
  | "FILE_UNREADABLE"
  | "YAML_SYNTAX"
  | "UNKNOWN_FIELD"
  | "MISSING_FIELD"
  | "INVALID_VALUE"
  | "INVALID_DATE"
  | "NOTE_REQUIRED"
  | "DUPLICATE_ID"
  | "DANGLING_REFERENCE"
  | "REQUIRED_DATASET_MISSING"
  | "SELF_REFERENCE"
  | "EVIDENCE_NOT_FOUND"
  | "EVIDENCE_CONTEXT_MISMATCH"
  | "EVIDENCE_AMBIGUOUS"
  | "EVIDENCE_IN_FURNITURE"
  | "FURNITURE_NOT_FOUND";

/** One thing wrong with a dataset; `line` is 1-based, `path` like `claims[3].evidence[0].exact`. */
export interface Problem {
  code: ProblemCode;
  file: string;
  line: number | null;
  path: string;
  field: string | null;
  message: string;
}

/** A source document of the manifest with its full text. */
export interface SourceText {
  document: SourceDocument;
  text: string;
}

/** A dataset that passed every check, with defaults applied. */
export interface ValidDataset {
  folder: string;
  manifest: Manifest;
  actors: Actor[];
  forums: Forum[];
  events: Event[];
  claims: Claim[];
  /** evidence.yaml: more evidence for records defined here or in a required dataset. */
  evidence: ExtraEvidenceType[];
  sources: SourceText[];
  /** For a dataset with `requires`: what the load checks in the graph first (external ids, its own ids); else null. */
  graphCheck: GraphCheck | null;
  /** sha256 over every file of the dataset (names and bytes). */
  checksum: string;
}

export type Validation = { ok: true; dataset: ValidDataset; problems: [] } | { ok: false; problems: Problem[] };

/** The dataset has problems; `details.problems` lists them all. Nothing was written. */
export class DatasetInvalidError extends LiaisonError {
  readonly problems: Problem[];
  constructor(folder: string, problems: Problem[]) {
    super(
      422,
      "DATASET_INVALID",
      `Dataset ${folder}: ${problems.length} problem${problems.length === 1 ? "" : "s"}, nothing was loaded:\n  ${problems
        .map(formatProblem)
        .join("\n  ")}`,
      { details: { problems } },
    );
    this.problems = problems;
  }
}

/**
 * One line per problem: `file:line path field: message`.
 * @example formatProblem(p) // 'claims.yaml:120 claims[4].evidence[0].exact exact: not found in source:…'
 */
export function formatProblem(problem: Problem): string {
  const where = problem.line === null ? problem.file : `${problem.file}:${problem.line}`;
  return `${where} ${problem.path || "(file)"} ${problem.field ?? "-"}: ${problem.message}`;
}

type Segment = string | number;

/** `["claims", 3, "evidence"]` → `claims[3].evidence` */
export function formatPath(segments: readonly Segment[]): string {
  return segments.reduce<string>(
    (out, segment) => (typeof segment === "number" ? `${out}[${segment}]` : out === "" ? segment : `${out}.${segment}`),
    "",
  );
}

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  raw: unknown;
}

/** The line of the value at `segments`, or of its key when the last segment is a key, or of the nearest ancestor. */
function lineAt(parsed: ParsedFile | undefined, segments: readonly Segment[]): number | null {
  if (!parsed) return null;
  const last = segments.at(-1);
  if (typeof last === "string") {
    const parent = parsed.doc.getIn(segments.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
      const range = (pair?.key as Node | undefined)?.range;
      if (range) return parsed.lines.linePos(range[0]).line;
    }
  }
  for (let depth = segments.length; depth >= 0; depth--) {
    const node =
      depth === 0 ? (parsed.doc.contents as Node | null) : (parsed.doc.getIn(segments.slice(0, depth), true) as Node);
    if (node?.range) return parsed.lines.linePos(node.range[0]).line;
  }
  return null;
}

const valueAt = (raw: unknown, segments: readonly Segment[]): unknown =>
  segments.reduce<unknown>(
    (value, segment) =>
      value !== null && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined,
    raw,
  );

const lastKey = (segments: readonly Segment[]) =>
  [...segments].reverse().find((segment): segment is string => typeof segment === "string") ?? null;

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === "ENOENT";
}

/**
 * Reads and checks the dataset in `folder`; never throws for a problem of the dataset itself.
 * @example const result = await validateDataset("data/seed"); if (!result.ok) console.log(result.problems)
 */
export async function validateDataset(folder: string): Promise<Validation> {
  const problems: Problem[] = [];
  const parsedFiles = new Map<string, ParsedFile>();
  const hash = createHash("sha256");

  const report = (code: ProblemCode, file: string, segments: readonly Segment[], message: string) =>
    problems.push({
      code,
      file,
      line: lineAt(parsedFiles.get(file), segments),
      path: formatPath(segments),
      field: lastKey(segments),
      message,
    });

  // 1. Each YAML file: read, parse with line numbers, check against its schema.
  for (const [file, schema] of Object.entries(DatasetFiles)) {
    let source: string;
    try {
      const bytes = await readFile(path.join(folder, file));
      hash.update(`${file}\0`).update(bytes);
      source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch (error) {
      if (isNotFound(error) && OPTIONAL_FILES.has(file)) continue;
      if (isNotFound(error)) report("FILE_MISSING", file, [], `the dataset has no ${file}`);
      else report("FILE_UNREADABLE", file, [], `cannot read ${file}: ${(error as Error).message}`);
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        problems.push({
          code: "YAML_SYNTAX",
          file,
          line: lines.linePos(error.pos[0]).line,
          path: "",
          field: null,
          message: error.message.split("\n")[0] ?? error.code,
        });
      }
      continue;
    }
    const parsed: ParsedFile = { file, doc, lines, raw: doc.toJS() };
    parsedFiles.set(file, parsed);
    const result = (schema as z.ZodType).safeParse(parsed.raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const segments = issue.path.filter((s): s is Segment => typeof s !== "symbol");
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) report("UNKNOWN_FIELD", file, [...segments, key], `unknown field "${key}"`);
        } else if (issue.code !== "custom" && valueAt(parsed.raw, segments) === undefined) {
          report("MISSING_FIELD", file, segments, `required field is missing (${issue.message})`);
        } else {
          report("INVALID_VALUE", file, segments, issue.message);
        }
      }
    }
  }

  // 2. The records that pass their schema, one by one, so the checks below see every valid record.
  const records = <T>(file: string, key: string, schema: z.ZodType<T>) => {
    const list = valueAt(parsedFiles.get(file)?.raw, [key]);
    const rawItems = Array.isArray(list) ? (list as unknown[]) : [];
    return {
      raw: rawItems,
      valid: rawItems.flatMap((item, index) => {
        const result = schema.safeParse(item);
        return result.success ? [{ value: result.data, index }] : [];
      }),
    };
  };
  const manifestResult = Manifest.safeParse(parsedFiles.get("manifest.yaml")?.raw);
  const sources = records("manifest.yaml", "sources", SourceDocument);
  const actors = records("actors.yaml", "actors", Actor);
  const forums = records("forums.yaml", "forums", Forum);
  const events = records("events.yaml", "events", Event);
  const claims = records("claims.yaml", "claims", Claim);
  const extraEvidence = records("evidence.yaml", "evidence", ExtraEvidence);
  const requires = manifestResult.success ? manifestResult.data.requires : [];
  if (manifestResult.success && requires.includes(manifestResult.data.id))
    report("SELF_REFERENCE", "manifest.yaml", ["requires"], `the dataset "${manifestResult.data.id}" requires itself`);

  // 3. Ids: unique across all files.
  const ids = new Map<string, string>();
  const idFiles: [string, string, unknown[]][] = [
    ["manifest.yaml", "sources", sources.raw],
    ["actors.yaml", "actors", actors.raw],
    ["forums.yaml", "forums", forums.raw],
    ["events.yaml", "events", events.raw],
    ["claims.yaml", "claims", claims.raw],
  ];
  for (const [file, key, items] of idFiles) {
    items.forEach((item, index) => {
      const id = valueAt(item, ["id"]);
      if (typeof id !== "string") return;
      const where = `${file} ${key}[${index}]`;
      const first = ids.get(id);
      if (first) report("DUPLICATE_ID", file, [key, index, "id"], `id "${id}" is already used by ${first}`);
      else ids.set(id, where);
    });
  }

  // 4. Source texts: present, readable UTF-8, furniture lines present.
  const texts = new Map<string, SourceText>();
  for (const { value: document, index } of sources.valid) {
    const at: Segment[] = ["sources", index, "file"];
    const file = path.resolve(folder, document.file);
    const relative = path.relative(path.resolve(folder), file);
    if (relative.startsWith("..") || path.isAbsolute(relative)) {
      report("INVALID_VALUE", "manifest.yaml", at, `source file "${document.file}" is outside the dataset folder`);
      continue;
    }
    try {
      const bytes = await readFile(file);
      hash.update(`${document.file}\0`).update(bytes);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      texts.set(document.id, { document, text });
    } catch (error) {
      if (isNotFound(error))
        report("FILE_MISSING", "manifest.yaml", at, `source file "${document.file}" does not exist`);
      else
        report("FILE_UNREADABLE", "manifest.yaml", at, `cannot read "${document.file}": ${(error as Error).message}`);
      continue;
    }
    const text = texts.get(document.id)?.text ?? "";
    const present = new Set(furnitureLines(text, document.furniture).map((line) => line.text.trim()));
    document.furniture.forEach((line, j) => {
      if (!present.has(line.trim()))
        report(
          "FURNITURE_NOT_FOUND",
          "manifest.yaml",
          ["sources", index, "furniture", j],
          `no line "${line}" in the source`,
        );
    });
  }

  // 5. References, evidence, dates and notes of every valid record.
  // A dataset that requires others may refer to their records; where, is kept for the load's check.
  const at = (file: string, segments: readonly Segment[], id: string): IdAt => ({
    id,
    file,
    line: lineAt(parsedFiles.get(file), segments),
    path: formatPath(segments),
    field: lastKey(segments),
  });
  const external: IdAt[] = [];
  const check = recordChecks(
    report,
    (id) => ids.has(id),
    (id) => texts.get(id),
    requires.length === 0
      ? undefined
      : (id, file, where) => {
          if (id.startsWith("source:")) return false;
          external.push(at(file, where, id));
          return true;
        },
  );
  for (const { value, index } of sources.valid) check.source(value, index);
  for (const { value, index } of actors.valid) check.actor(value, index);
  for (const { value, index } of forums.valid) check.forum(value, index);
  for (const { value, index } of events.valid) check.event(value, index);
  for (const { value, index } of claims.valid) check.claim(value, index);
  for (const { value, index } of extraEvidence.valid) check.extraEvidence(value, index);

  if (problems.length > 0 || !manifestResult.success) {
    const order = Object.keys(DatasetFiles);
    problems.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0));
    return { ok: false, problems };
  }
  return {
    ok: true,
    problems: [],
    dataset: {
      folder,
      manifest: manifestResult.data,
      actors: actors.valid.map((r) => r.value),
      forums: forums.valid.map((r) => r.value),
      events: events.valid.map((r) => r.value),
      claims: claims.valid.map((r) => r.value),
      evidence: extraEvidence.valid.map((r) => r.value),
      graphCheck:
        requires.length === 0
          ? null
          : {
              requires: requires.map((id, i) => at("manifest.yaml", ["requires", i], id)),
              external,
              own: idFiles.flatMap(([file, key, items]) =>
                items.map((item, index) => at(file, [key, index, "id"], String(valueAt(item, ["id"])))),
              ),
            },
      sources: manifestResult.data.sources.map((document) => texts.get(document.id) as SourceText),
      checksum: hash.digest("hex"),
    },
  };
}

/**
 * The valid dataset in `folder`, or a DatasetInvalidError listing every problem.
 * @example const dataset = await readDataset("data/seed")
 */
export async function readDataset(folder: string): Promise<ValidDataset> {
  const result = await validateDataset(folder);
  if (!result.ok) throw new DatasetInvalidError(folder, result.problems);
  return result.dataset;
}
