/** The bundled Neo4j launcher's stderr: a tail in memory to tell why it exited, and its log file once the home is locked. */
import type { ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import path from "node:path";

/**
 * The launcher's stderr: kept in memory (the last lines, to tell why it exited) and appended to
 * `<home>/logs/launcher.log` only once the launcher says it holds the home's lock.
 */
export class LauncherLog {
  private readonly lines: string[] = [];
  private pending: Buffer[] = [];
  private file: WriteStream | undefined;

  constructor(child: ChildProcess) {
    child.stderr?.on("data", (chunk: Buffer) => {
      if (this.file) this.file.write(chunk);
      else this.pending.push(chunk);
      for (const line of chunk.toString().split("\n")) if (line) this.note(line);
    });
  }

  /** Keeps a line for exitReason(); the JVM prints some fatal errors on stdout, so the caller passes those too. */
  note(line: string): void {
    this.lines.push(line);
    if (this.lines.length > 40) this.lines.splice(0, this.lines.length - 40);
  }

  /** Called once the home is locked: from now on stderr goes to the file too. */
  open(home: string): void {
    const logs = path.join(home, "logs");
    try {
      mkdirSync(logs, { recursive: true, mode: 0o700 });
    } catch {
      return; // The launcher reports an unusable folder itself, with a better message.
    }
    this.file = createWriteStream(path.join(logs, "launcher.log"), { flags: "a" });
    this.file.on("error", () => {
      this.file = undefined;
    });
    for (const chunk of this.pending) this.file.write(chunk);
    this.pending = [];
  }

  tail(): string[] {
    return [...this.lines];
  }

  close(): void {
    this.file?.end();
  }
}

/** Why a launcher ended, for people: the signal or exit code, and out-of-memory when its stderr said so. */
export function exitReason(code: number | null, signal: NodeJS.Signals | null, tail: string[]): string {
  const base = signal ? `killed by ${signal}` : `exited with code ${code}`;
  return tail.some((line) => line.includes("OutOfMemoryError")) ? `${base} (Java ran out of memory)` : base;
}
