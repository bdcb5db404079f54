/**
 * Reads a dataset list file (`actors:` followed by a block list) one record at a time, so memory
 * stays bounded whatever the file's size: lines are streamed, cut at the list's item indentation,
 * and each item is parsed alone with its true line numbers.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { type Document, isMap, isScalar, LineCounter, type Node, parseDocument } from "yaml";

type Segment = string | number;

/** One item of the list, parsed alone; `lineOf` finds the line of a path inside it. */
export interface StreamedItem {
  index: number;
  /** 1-based line where the item starts. */
  line: number;
  /** The item as plain data, or undefined when it did not parse (see `errors`). */
  raw: unknown;
  errors: { line: number; message: string }[];
  /** The line of the value (or key) at `segments` inside the item, or of its nearest ancestor. */
  lineOf(segments: readonly Segment[]): number;
}

/** Something outside the list's items: a syntax problem or an unexpected top-level key. */
export interface StreamedOutside {
  line: number;
  kind: "UNKNOWN_FIELD" | "YAML_SYNTAX";
  key: string | null;
  message: string;
}

/** Lines that carry nothing: blank, a comment or a document marker. */
const empty = (line: string) => /^\s*(#.*)?$/.test(line) || line === "---";
const indentOf = (line: string) => line.length - line.trimStart().length;

const KEY_VALUE = /^([A-Za-z_][\w-]*): (.+)$/;

/**
 * The fast path for machine-written items (the generator's): every line `key: <JSON>` at the
 * item's indentation, which is YAML whose meaning JSON.parse gives ~100× faster than a YAML parse.
 * Undefined when the item is anything else (then the YAML parser reads it).
 */
function jsonItem(lines: string[], indent: number, firstLine: number, index: number): StreamedItem | undefined {
  const raw: Record<string, unknown> = {};
  const lineOfKey = new Map<string, number>();
  for (const [i, line] of lines.entries()) {
    const body = i === 0 ? line.slice(indent + 2) : line.slice(indent + 2);
    const lead = i === 0 ? `${" ".repeat(indent)}- ` : " ".repeat(indent + 2);
    if (!line.startsWith(lead) || body.startsWith(" ")) return undefined;
    const match = KEY_VALUE.exec(body);
    if (!match) return undefined;
    const [, key, text] = match as unknown as [string, string, string];
    if (lineOfKey.has(key) || key === "__proto__") return undefined;
    try {
      raw[key] = JSON.parse(text);
    } catch {
      return undefined;
    }
    lineOfKey.set(key, firstLine + i);
  }
  return {
    index,
    line: firstLine,
    raw,
    errors: [],
    lineOf: (segments) => (typeof segments[0] === "string" ? (lineOfKey.get(segments[0]) ?? firstLine) : firstLine),
  };
}

function parseItem(text: string, firstLine: number, index: number): StreamedItem {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => firstLine + lines.linePos(offset).line - 1;
  const errors = doc.errors.map((error) => ({
    line: at(error.pos[0]),
    message: error.message.split("\n")[0] ?? error.code,
  }));
  const raw = errors.length > 0 ? undefined : (doc.toJS() as unknown[] | null)?.[0];
  return {
    index,
    line: firstLine,
    raw,
    errors,
    lineOf(segments) {
      const inDoc = [0, ...segments];
      const last = inDoc.at(-1);
      if (typeof last === "string") {
        const parent = doc.getIn(inDoc.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
          const range = (pair?.key as Node | undefined)?.range;
          if (range) return at(range[0]);
        }
      }
      for (let depth = inDoc.length; depth >= 1; depth--) {
        const node = doc.getIn(inDoc.slice(0, depth), true) as Node | undefined;
        if (node?.range) return at(node.range[0]);
      }
      return firstLine;
    },
  };
}

const item = (lines: string[], indent: number, firstLine: number, index: number): StreamedItem =>
  jsonItem(lines, indent, firstLine, index) ?? parseItem(lines.join("\n"), firstLine, index);

/**
 * The items of the list under `key` in `file`, one at a time. Anything else at the top level is
 * reported through `outside` (the whole-file reader would report it as a schema problem).
 * @example for await (const item of streamYamlList("events.yaml", "events", console.log)) use(item.raw)
 */
export async function* streamYamlList(
  file: string,
  key: string,
  outside: (problem: StreamedOutside) => void,
): AsyncGenerator<StreamedItem> {
  const reader = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let lineNo = 0;
  let header = false;
  let itemIndent = -1;
  let chunk: string[] = [];
  let chunkLine = 0;
  let index = 0;
  for await (const line of reader) {
    lineNo++;
    if (!header) {
      if (empty(line)) continue;
      const match = /^([^\s#:][^:#]*):\s*(#.*)?$/.exec(line);
      if (match?.[1] === key) {
        header = true;
        continue;
      }
      const other = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1] ?? null;
      outside(
        other && indentOf(line) === 0
          ? { line: lineNo, kind: "UNKNOWN_FIELD", key: other, message: `unknown field "${other}"` }
          : { line: lineNo, kind: "YAML_SYNTAX", key: null, message: `expected "${key}:" followed by a list` },
      );
      return;
    }
    const indent = indentOf(line);
    const isItem = line.slice(indent).startsWith("-") && /^-(\s|$)/.test(line.slice(indent));
    if (itemIndent === -1 && !empty(line)) {
      if (!isItem) {
        outside({
          line: lineNo,
          kind: "YAML_SYNTAX",
          key: null,
          message: `expected a list item ("- ") under "${key}:"`,
        });
        return;
      }
      itemIndent = indent;
    }
    if (itemIndent !== -1 && !empty(line) && indent <= itemIndent) {
      if (indent === itemIndent && isItem) {
        if (chunk.length > 0) yield item(chunk, itemIndent, chunkLine, index++);
        chunk = [line];
        chunkLine = lineNo;
        continue;
      }
      // A line left of the items ends the list: it must be another top-level key, which the schema forbids.
      if (chunk.length > 0) yield item(chunk, itemIndent, chunkLine, index++);
      chunk = [];
      const other = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1] ?? null;
      outside(
        other && indent === 0
          ? { line: lineNo, kind: "UNKNOWN_FIELD", key: other, message: `unknown field "${other}"` }
          : { line: lineNo, kind: "YAML_SYNTAX", key: null, message: "a line left of the list's items" },
      );
      reader.close();
      return;
    }
    if (chunk.length > 0) chunk.push(line);
  }
  if (chunk.length > 0) yield item(chunk, itemIndent, chunkLine, index++);
  if (!header) outside({ line: 1, kind: "YAML_SYNTAX", key: null, message: `expected "${key}:" followed by a list` });
}
