/** Keeps the bundled Neo4j running: when its process exits without being asked to, logs it and starts it again on the same folder and port, with backoff. */
import type { Logger } from "../lib/logger.js";
import { type BundledNeo4j, type BundledNeo4jOptions, type LauncherExit, startBundledNeo4j } from "./bundled.js";

type Neo4jState = "starting" | "ready" | "restarting" | "stopped";

/** What the supervisor knows, for /api/health and for failing requests fast during an outage. */
export interface Neo4jStatus {
  state: Neo4jState;
  /** When the current state began (ISO 8601). */
  since: string;
  /** How many times Neo4j was started again after an unexpected exit (attempts, failed ones included). */
  restarts: number;
  /** Why it last went down, e.g. "killed by SIGKILL", or why the last restart failed. */
  lastExit?: string;
}

interface Backoff {
  /** Wait before the first restart, in ms; doubled after each failed or short-lived one. */
  initialMs: number;
  maxMs: number;
  /** Up this long, in ms, and the next restart waits `initialMs` again. */
  stableMs: number;
}

export interface SupervisorOptions {
  /** One line for people per event (stdout). */
  say?: (line: string) => void;
  /** Structured lines for machines. */
  logger?: Logger | undefined;
  backoff?: Partial<Backoff>;
  /** Starts one launcher process; replaced in unit tests. */
  start?: (options: BundledNeo4jOptions) => Promise<BundledNeo4j>;
}

/** The bundled Neo4j under supervision: the same connection details for its whole life, whichever process serves them. */
export interface SupervisedNeo4j {
  uri: string;
  user: string;
  password: string;
  version: string;
  /** The current launcher (java) process id; -1 while none runs. */
  readonly pid: number;
  status(): Neo4jStatus;
  /** Why requests cannot be served now, for people; undefined when Neo4j is ready. */
  unavailable(): string | undefined;
  /** Stops supervising and shuts the database down; never followed by a restart. Safe to call twice. */
  stop(): Promise<void>;
}

const defaultBackoff: Backoff = { initialMs: 500, maxMs: 30_000, stableMs: 60_000 };

/**
 * Starts the bundled Neo4j (failing as startBundledNeo4j does) and keeps it running until stop().
 * @example const db = await superviseBundledNeo4j({ home, boltPort: 7687, heap: "1g" }, { say: console.log, logger });
 */
export async function superviseBundledNeo4j(
  options: BundledNeo4jOptions,
  supervision: SupervisorOptions = {},
): Promise<SupervisedNeo4j> {
  const say = supervision.say ?? (() => {});
  const logger = supervision.logger;
  const backoff = { ...defaultBackoff, ...supervision.backoff };
  const launch = supervision.start ?? startBundledNeo4j;

  let status: Neo4jStatus = { state: "starting", since: new Date().toISOString(), restarts: 0 };
  const enter = (state: Neo4jState, lastExit = status.lastExit) => {
    status = { state, since: new Date().toISOString(), restarts: status.restarts, ...(lastExit ? { lastExit } : {}) };
  };

  let current: BundledNeo4j | undefined = await launch(options);
  const first = current;
  let readyAt = Date.now();
  let downAt = 0;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const abandon = new AbortController();
  enter("ready");

  const scheduleRestart = () => {
    const delay = Math.min(backoff.initialMs * 2 ** failures, backoff.maxMs);
    failures += 1;
    timer = setTimeout(() => {
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    }, delay);
    return delay;
  };

  const onExit = (db: BundledNeo4j, exit: LauncherExit) => {
    if (stopping || db !== current) return;
    current = undefined;
    downAt = Date.now();
    if (downAt - readyAt >= backoff.stableMs) failures = 0;
    enter("restarting", exit.reason);
    const delay = scheduleRestart();
    say(
      `Bundled Neo4j stopped unexpectedly (${exit.reason}); restarting it in ${formatSeconds(delay)} on the same data folder and port.`,
    );
    logger?.error(
      {
        event: "neo4j.exited",
        pid: db.pid,
        code: exit.code,
        signal: exit.signal,
        reason: exit.reason,
        restartInMs: delay,
      },
      "bundled Neo4j exited unexpectedly",
    );
  };

  const watch = (db: BundledNeo4j) => void db.exited.then((exit) => onExit(db, exit));

  const restart = async () => {
    if (stopping) return;
    status = { ...status, restarts: status.restarts + 1 };
    try {
      const db = await launch({ ...options, progress: () => {}, signal: abandon.signal });
      if (stopping) {
        await db.stop();
        return;
      }
      current = db;
      readyAt = Date.now();
      enter("ready");
      watch(db);
      say(`Bundled Neo4j is back (pid ${db.pid}), ${formatSeconds(readyAt - downAt)} after it went down.`);
      logger?.info(
        { event: "neo4j.restarted", pid: db.pid, downMs: readyAt - downAt, restarts: status.restarts },
        "bundled Neo4j restarted",
      );
    } catch (error) {
      const reason = `restart failed: ${((error as Error)?.message ?? String(error)).split("\n")[0]}`;
      if (stopping) return;
      status = { ...status, lastExit: reason };
      const delay = scheduleRestart();
      say(`Bundled Neo4j: ${reason}; trying again in ${formatSeconds(delay)}.`);
      logger?.error({ event: "neo4j.restart_failed", reason, restartInMs: delay }, "bundled Neo4j restart failed");
    }
  };

  watch(first);
  return {
    uri: first.uri,
    user: first.user,
    password: first.password,
    version: first.version,
    get pid() {
      return current?.pid ?? -1;
    },
    status: () => ({ ...status }),
    unavailable() {
      if (status.state === "ready") return undefined;
      if (status.state === "restarting") {
        return `the bundled Neo4j is down since ${status.since} (${status.lastExit}) and is being restarted; try again in a few seconds.`;
      }
      return `the bundled Neo4j is ${status.state}.`;
    },
    stop() {
      stopping ??= (async () => {
        clearTimeout(timer);
        enter("stopped");
        abandon.abort();
        await restarting;
        await current?.stop();
      })();
      return stopping;
    },
  };
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
