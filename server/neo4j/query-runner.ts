/** The one way the server runs Cypher: a session per call, a read or write transaction by routing, the app's timeout, abort and record limit. */
import type { Driver, ManagedTransaction, Record as Neo4jRecord, ResultSummary } from "neo4j-driver";
import { UnavailableError } from "../lib/errors.js";
import { cypher } from "./cypher-files.js";
import { mapNeo4jError } from "./neo4j-errors.js";

export type Routing = "READ" | "WRITE";

/** A named query from `cypher/`, its routing, and the type of its parameters. */
export interface Query<Params extends object> {
  name: string;
  routing: Routing;
  /** Phantom field: carries the parameter type only. */
  readonly params?: Params;
}

/**
 * Declares a query whose text is `cypher/<name>.cypher`.
 * @example const countsByLabel = defineQuery<{}>("health/counts-by-label", "READ");
 */
export function defineQuery<Params extends object>(name: string, routing: Routing): Query<Params> {
  return { name, routing };
}

export interface RunOptions {
  /** Stops the query when the client goes away. */
  signal?: AbortSignal | undefined;
  /** Stop reading after this many records and report `truncated`. */
  maxRecords?: number | undefined;
  /** Overrides the app's default transaction timeout, in ms. */
  timeoutMs?: number | undefined;
}

export interface RunResult {
  /** The result's column names, known even when it has no rows. */
  keys: string[];
  records: Neo4jRecord[];
  summary: ResultSummary | undefined;
  /** True when `maxRecords` stopped the reading before the result ended. */
  truncated: boolean;
}

export interface QueryRunnerOptions {
  /**
   * Why Neo4j cannot serve now (e.g. the bundled one is restarting), or undefined when it can.
   * Asked before each query, so requests fail at once with 503 instead of waiting on the driver.
   */
  availability?: (() => string | undefined) | undefined;
}

export class QueryRunner {
  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    readonly defaultTimeoutMs: number,
    readonly options: QueryRunnerOptions = {},
  ) {}

  private assertAvailable(label: string): void {
    const reason = this.options.availability?.();
    if (reason !== undefined) throw new UnavailableError(`${label}: ${reason}`);
  }

  /** Runs a named query from `cypher/`. */
  run<Params extends object>(query: Query<Params>, params: Params, options: RunOptions = {}): Promise<RunResult> {
    return this.runText(cypher(query.name), params as Record<string, unknown>, query.routing, query.name, options);
  }

  /**
   * Runs several named queries in ONE transaction: they commit together or not at all (the dataset
   * loader needs this). `work` may be re-run if Neo4j reports a transient error, so it must only
   * touch the database through `run`.
   * @example await runner.transaction("WRITE", "dataset/load", async (run) => { await run(a, {}); await run(b, {}); })
   */
  async transaction<T>(
    routing: Routing,
    label: string,
    work: (run: <Params extends object>(query: Query<Params>, params: Params) => Promise<Neo4jRecord[]>) => Promise<T>,
    options: Pick<RunOptions, "timeoutMs"> = {},
  ): Promise<T> {
    this.assertAvailable(label);
    const session = this.driver.session({
      defaultAccessMode: routing === "READ" ? "READ" : "WRITE",
      ...(this.database ? { database: this.database } : {}),
    });
    const config = { timeout: options.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: "liaison", query: label } };
    try {
      const inTx = (tx: ManagedTransaction) =>
        work(async (query, params) => (await tx.run(cypher(query.name), params as Record<string, unknown>)).records);
      return routing === "READ" ? await session.executeRead(inTx, config) : await session.executeWrite(inTx, config);
    } catch (error) {
      throw mapNeo4jError(error, label);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs query text that did not come from `cypher/`: only the console does, and only after
   * its read-only checks. Everything else goes through `run`.
   */
  async runText(
    text: string,
    params: Record<string, unknown>,
    routing: Routing,
    label: string,
    options: RunOptions = {},
  ): Promise<RunResult> {
    this.assertAvailable(label);
    const session = this.driver.session({
      defaultAccessMode: routing === "READ" ? "READ" : "WRITE",
      ...(this.database ? { database: this.database } : {}),
    });
    const onAbort = () => void session.close();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const config = { timeout: options.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: "liaison", query: label } };
    try {
      const work = async (tx: ManagedTransaction): Promise<RunResult> => {
        const records: Neo4jRecord[] = [];
        let truncated = false;
        const result = tx.run(text, params);
        const keys = (await result.keys()).map(String);
        for await (const record of result) {
          if (options.maxRecords !== undefined && records.length >= options.maxRecords) {
            truncated = true;
            break;
          }
          records.push(record);
        }
        const summary = truncated ? undefined : await result.summary();
        return { keys, records, summary, truncated };
      };
      return routing === "READ" ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (error) {
      throw mapNeo4jError(error, label);
    } finally {
      options.signal?.removeEventListener("abort", onAbort);
      await session.close();
    }
  }
}
