/** A logger whose JSON lines a test can read back (audit lines, warnings). */
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../server/lib/logger.js";

export interface CollectedLogs {
  logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** The `audit` objects of the audit lines logged so far. */
  audits(): Array<Record<string, unknown>>;
}

export function collectLogs(level = "info"): CollectedLogs {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines: () => lines,
    audits: () => lines.flatMap((line) => (line.audit ? [line.audit as Record<string, unknown>] : [])),
  };
}
