/** The one way the server runs Cypher: a session per call, a read or write transaction by routing, the app's timeout, abort and record limit. */
import type { Driver, ManagedTransaction, Record as Neo4jRecord, ResultSummary, Session } from "neo4j-driver";
import { z } from "zod";
import { LiaisonError, UnavailableError } from "../lib/errors.js";
import { cypher } from "./cypher-files.js";
import { mapNeo4jError, QueryTimeoutError } from "./neo4j-errors.js";
import { compileRowDecoder, FAIL, type RecordLike } from "./row-decoder.js";

export type Routing = "READ" | "WRITE";

/** A row schema: one column schema (server/neo4j/columns.ts) per column the query returns. */
export type RowShape = Record<string, z.ZodType>;

/** A named query from `cypher/`, its routing, the type of its parameters and the schema of its rows. */
export interface Query<Params extends object, Row = unknown> {
  name: string;
  routing: Routing;
  /** Decodes one record's columns (`record.toObject()`) into a Row; the column names are its keys. */
  row: z.ZodType<Row>;
  /** The columns the query returns, in no particular order: checked against the file's RETURN by a unit test. */
  columns: readonly string[];
  /** Phantom field: carries the parameter type only. */
  readonly params?: Params;
}

/** The row type of a query. */
export type RowOf<Q> = Q extends { row: z.ZodType<infer Row> } ? Row : never;

/** Every query defined so far, by name (a query may be defined by more than one module). */
const defined = new Map<string, Query<object>[]>();

/** The queries defined by the modules loaded so far: the unit test that checks columns against RETURN reads them. */
export function definedQueries(): ReadonlyMap<string, readonly Query<object>[]> {
  return defined;
}

/**
 * Declares a query whose text is `cypher/<name>.cypher`; `.rows({…})` gives the schema of its
 * rows, one column schema per returned column (`{}` when it returns none).
 * @example const countsByLabel = defineQuery<{}>("health/counts-by-label", "READ").rows({ label: z.string(), count: int() });
 */
export function defineQuery<Params extends object>(name: string, routing: Routing) {
  return {
    rows<Shape extends RowShape>(shape: Shape): Query<Params, z.output<z.ZodObject<Shape>>> {
      const query = { name, routing, row: z.object(shape), columns: Object.keys(shape) };
      defined.set(name, [...(defined.get(name) ?? []), query]);
      return query;
    },
  };
}

/** A row did not have the shape its query declares: the `.cypher` file and its module disagree (a bug). */
export class RowShapeError extends LiaisonError {
  constructor(query: string, issue: z.core.$ZodIssue | undefined) {
    const column = issue?.path.map(String).join(".") || "row";
    super(500, "INTERNAL", `${query}: column ${column}: ${issue?.message ?? "does not match the row schema"}.`);
  }
}

/** Each row schema's compiled decoder, made on first use. */
const decoders = new WeakMap<z.ZodType, (record: RecordLike) => unknown>();

/**
 * Decodes records with a query's row schema (through its compiled decoder, zod's equal); a
 * record that does not fit fails as RowShapeError with zod's issue.
 */
export function decodeRows<Row>(
  query: Pick<Query<object, Row>, "name" | "row">,
  records: readonly Neo4jRecord[],
): Row[] {
  let decode = decoders.get(query.row);
  if (!decode) {
    decode = compileRowDecoder(query.row);
    decoders.set(query.row, decode);
  }
  return records.map((record) => {
    const fast = decode(record);
    if (fast !== FAIL) return fast as Row;
    const parsed = query.row.safeParse(record.toObject());
    if (!parsed.success) throw new RowShapeError(query.name, parsed.error.issues[0]);
    return parsed.data;
  });
}

export interface RunOptions {
  /** Stops the query when the client goes away. */
  signal?: AbortSignal | undefined;
  /** Stop reading after this many records and report `truncated`. */
  maxRecords?: number | undefined;
  /** Overrides the app's default transaction timeout, in ms. */
  timeoutMs?: number | undefined;
  /**
   * Runs in an implicit (auto-commit) transaction, the only kind in which `CALL { … } IN
   * TRANSACTIONS` may run: a batched write too large for one transaction. Never retried.
   */
  implicit?: boolean | undefined;
}

/** What `run` gives: the decoded rows of a named query. */
export interface QueryResult<Row> {
  rows: Row[];
  /** True when `maxRecords` stopped the reading before the result ended. */
  truncated: boolean;
}

/** What `runText` gives: the raw records of query text, for the console, whose rows have no fixed shape. */
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
  /**
   * Past its timeout plus this grace the runner stops waiting for Neo4j: the caller gets
   * QUERY_TIMEOUT and the session is abandoned. Neo4j does not always answer a query it failed
   * (a parser that overflowed its stack never replies), and a request must not wait forever.
   */
  deadlineGraceMs?: number;
  /** Called when a query outlived its deadline: e.g. the console replaces its driver, closing the stuck connection. */
  onStuck?: (label: string) => void;
}

/** Races `work` against the deadline; `expired` tells the caller to abandon, not await, the session. */
class Deadline {
  expired = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ms: number,
    readonly label: string,
    readonly onStuck: ((label: string) => void) | undefined,
  ) {}

  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => {}); // Settles after the deadline at the latest; nobody is waiting then.
    return Promise.race([
      work,
      new Promise<never>((_, reject) => {
        this.#timer = setTimeout(() => {
          this.expired = true;
          this.onStuck?.(this.label);
          reject(
            new QueryTimeoutError(
              `${this.label}: Neo4j did not answer within ${Math.round(this.ms / 1000)} s; the app stopped waiting.`,
            ),
          );
        }, this.ms);
      }),
    ]);
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

export class QueryRunner {
  #driver: Driver;

  constructor(
    driver: Driver,
    readonly database: string | undefined,
    readonly defaultTimeoutMs: number,
    readonly options: QueryRunnerOptions = {},
  ) {
    this.#driver = driver;
  }

  /** The driver queries run on now. */
  get driver(): Driver {
    return this.#driver;
  }

  /** Runs later queries on `next` and returns the driver they ran on, for the caller to close. */
  replaceDriver(next: Driver): Driver {
    const previous = this.#driver;
    this.#driver = next;
    return previous;
  }

  #deadline(timeoutMs: number, label: string): Deadline {
    return new Deadline(timeoutMs + (this.options.deadlineGraceMs ?? 2_000), label, this.options.onStuck);
  }

  /** Closes a session, or leaves it to close by itself when its query outlived the deadline. */
  async #close(session: Session, deadline: Deadline): Promise<void> {
    if (deadline.expired) void session.close().catch(() => {});
    else await session.close();
  }

  private assertAvailable(label: string): void {
    const reason = this.options.availability?.();
    if (reason !== undefined) throw new UnavailableError(`${label}: ${reason}`);
  }

  /** Runs a named query from `cypher/` and decodes its rows with the query's row schema. */
  async run<Params extends object, Row>(
    query: Query<Params, Row>,
    params: Params,
    options: RunOptions = {},
  ): Promise<QueryResult<Row>> {
    const result = await this.runText(cypher(query.name), params, query.routing, query.name, options);
    return { rows: decodeRows(query, result.records), truncated: result.truncated };
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
    work: (
      run: <Params extends object, Row>(query: Query<Params, Row>, params: Params) => Promise<Row[]>,
    ) => Promise<T>,
    options: Pick<RunOptions, "timeoutMs"> = {},
  ): Promise<T> {
    this.assertAvailable(label);
    const session = this.#driver.session({
      defaultAccessMode: routing === "READ" ? "READ" : "WRITE",
      ...(this.database ? { database: this.database } : {}),
    });
    const config = { timeout: options.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: "liaison", query: label } };
    const deadline = this.#deadline(config.timeout, label);
    try {
      const inTx = (tx: ManagedTransaction) =>
        work(async (query, params) => decodeRows(query, (await tx.run(cypher(query.name), { ...params })).records));
      return await deadline.race(
        routing === "READ" ? session.executeRead(inTx, config) : session.executeWrite(inTx, config),
      );
    } catch (error) {
      throw mapNeo4jError(error, label);
    } finally {
      deadline.clear();
      await this.#close(session, deadline);
    }
  }

  /**
   * Runs query text that did not come from `cypher/`: only the console does, and only after
   * its read-only checks (and the schema statements at start-up). Everything else goes through
   * `run`. The records stay raw, on purpose: an analyst's query has no row shape to declare, so
   * the console turns whatever it returns into JSON with toJson instead.
   */
  async runText(
    text: string,
    params: object,
    routing: Routing,
    label: string,
    options: RunOptions = {},
  ): Promise<RunResult> {
    this.assertAvailable(label);
    const session = this.#driver.session({
      defaultAccessMode: routing === "READ" ? "READ" : "WRITE",
      ...(this.database ? { database: this.database } : {}),
    });
    const onAbort = () => void session.close();
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const config = { timeout: options.timeoutMs ?? this.defaultTimeoutMs, metadata: { app: "liaison", query: label } };
    const deadline = this.#deadline(config.timeout, label);
    try {
      const work = async (tx: Pick<ManagedTransaction, "run">): Promise<RunResult> => {
        const result = tx.run(text, { ...params });
        const keys = (await result.keys()).map(String);
        if (options.maxRecords === undefined) {
          // Unbounded (every named query): the driver collects the records itself. Iterating with
          // for await cost a promise per record, ~4 ms of CPU on the first view's 1,800 rows.
          const { records, summary } = await result;
          return { keys, records, summary, truncated: false };
        }
        const records: Neo4jRecord[] = [];
        let truncated = false;
        for await (const record of result) {
          if (records.length >= options.maxRecords) {
            truncated = true;
            break;
          }
          records.push(record);
        }
        const summary = truncated ? undefined : await result.summary();
        return { keys, records, summary, truncated };
      };
      return await deadline.race(
        options.implicit
          ? work({ run: (query, parameters) => session.run(query, parameters, config) })
          : routing === "READ"
            ? session.executeRead(work, config)
            : session.executeWrite(work, config),
      );
    } catch (error) {
      throw mapNeo4jError(error, label);
    } finally {
      deadline.clear();
      options.signal?.removeEventListener("abort", onAbort);
      await this.#close(session, deadline);
    }
  }
}
