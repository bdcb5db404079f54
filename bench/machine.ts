/** What the figures were measured on: the machine, how busy it was, and the versions of everything involved. */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { projectRoot } from "../server/lib/project-root.js";

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  platform: string;
  /** 1, 5 and 15-minute load averages; the machine is shared, so every figure carries them. */
  loadAverage: { start: number[]; end?: number[] };
}

export interface Versions {
  node: string;
  neo4j?: string;
  chromium?: string;
  /** The commit measured, with `+dirty` when the work tree had changes. */
  commit: string;
}

/** The 1, 5 and 15-minute load averages, to 0.01. */
export function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

export function machine(): Machine {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: { start: loadAverage() },
  };
}

/** The commit of the work tree, or "unknown" outside git. */
export function gitCommit(): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { cwd: projectRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
    return `${git("rev-parse", "--short=12", "HEAD")}${dirty ? "+dirty" : ""}`;
  } catch {
    return "unknown";
  }
}
