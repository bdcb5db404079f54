/** Streams the generator's files to disk: buffered appends, byte counts, and YAML list items written one record at a time. */
import { closeSync, openSync, writeSync } from "node:fs";

/** Characters buffered before a write: large enough for few system calls, small enough to keep memory flat. */
const FLUSH_AT = 1 << 20;

/** An append-only file with a buffer; `bytes` counts what was written so far. */
export class Sink {
  readonly #fd: number;
  #parts: string[] = [];
  #pending = 0;
  bytes = 0;

  constructor(file: string) {
    this.#fd = openSync(file, "w");
  }

  write(text: string): void {
    this.#parts.push(text);
    this.#pending += text.length;
    if (this.#pending >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.#parts.length === 0) return;
    const chunk = Buffer.from(this.#parts.join(""), "utf8");
    writeSync(this.#fd, chunk);
    this.bytes += chunk.length;
    this.#parts = [];
    this.#pending = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.#fd);
  }
}

/**
 * One item of a YAML list, block style, each value in JSON (a subset of YAML): strings are quoted
 * and escaped, lists and maps are flow collections. Undefined values are left out.
 * @example yamlItem({ id: "actor:x", aliases: ["X"] }) === '  - id: "actor:x"\n    aliases: ["X"]\n'
 */
export function yamlItem(record: Record<string, unknown>, indent = "  "): string {
  let out = "";
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    out += `${out === "" ? `${indent}- ` : `${indent}  `}${key}: ${JSON.stringify(value)}\n`;
  }
  return out;
}
