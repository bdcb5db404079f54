/** POST /api/cypher: the read-only, bounded console. Bounds the text, plans it with EXPLAIN, inspects the plan, then runs the very same text in a read transaction with the app's limits. */
import { Neo4jError, type ResultSummary } from "neo4j-driver";
import type { CypherResponse } from "../../common/api-types.js";
import type { Config } from "../config.js";
import { audit, textHash } from "../lib/audit.js";
import { BadRequestError, LiaisonError, ReadOnlyError } from "../lib/errors.js";
import { jsonDepth } from "../lib/json-depth.js";
import type { Logger } from "../lib/logger.js";
import { QueryFailedError } from "../neo4j/neo4j-errors.js";
import type { QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, toJson } from "../neo4j/to-elements.js";
import { MAX_PARAM_DEPTH, toCypherParams } from "./param-bounds.js";
import { inspectPlan, type PlanNode } from "./plan.js";
import { checkQueryText } from "./query-bounds.js";

const WHERE = "POST /api/cypher";

/**
 * The one thing put before the user's text, and only to plan it. By construction the text Neo4j
 * plans is this fixed prefix plus the user's text, and the text it runs is the user's text
 * itself: nothing is stripped or rewritten, so a lexer trick cannot make the plan and the run
 * disagree. The prefix ends in a line feed, after which Neo4j's lexer is back in its initial state
 * (no comment or string can be open), so the user's tokens are the same in both. EXPLAIN cannot
 * be combined with a PROFILE in the user's text (Neo4j refuses conflicting execution modes), so
 * such a query is refused rather than planned some other way.
 */
const PLAN_PREFIX = "EXPLAIN\n";

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
}

export interface ConsoleDeps {
  /** The console's own runner (its own small pool, so console users cannot starve the explorer). */
  runner: QueryRunner;
  config: Pick<
    Config,
    | "LIAISON_CONSOLE_TIMEOUT_MS"
    | "LIAISON_CONSOLE_MAX_ROWS"
    | "LIAISON_CONSOLE_MAX_BYTES"
    | "LIAISON_CONSOLE_MAX_QUERY_LENGTH"
  >;
  logger: Logger;
  /** Who asked (the socket's address), for the audit line. */
  client?: string | undefined;
}

/** Neo4j's code and message behind an error the runner threw (kept as the cause, or in a syntax error's details). */
function neo4jFailure(error: unknown): { code: string; message: string } {
  const cause = error instanceof LiaisonError ? error.cause : error;
  if (cause instanceof Neo4jError) return { code: cause.code ?? "", message: cause.message ?? "" };
  const details = (error instanceof LiaisonError ? error.details : undefined) as
    | { neo4jCode?: unknown; message?: unknown }
    | undefined;
  return { code: String(details?.neo4jCode ?? ""), message: String(details?.message ?? "") };
}

/** Shifts a syntax error's position from the planned text back into the user's text. */
function shiftedSyntaxError(error: BadRequestError): BadRequestError {
  const details = (error.details ?? {}) as { position?: { line: number; column: number; offset: number } };
  const position = details.position
    ? {
        line: Math.max(1, details.position.line - 1),
        column: details.position.column,
        offset: Math.max(0, details.position.offset - PLAN_PREFIX.length),
      }
    : undefined;
  const message = position
    ? error.message.replace(
        /line (\d+), column (\d+) \(offset: (\d+)\)/,
        `line ${position.line}, column ${position.column} (offset: ${position.offset})`,
      )
    : error.message;
  return new BadRequestError(message.replace("console/explain", WHERE), {
    ...details,
    reason: "syntax",
    ...(position ? { position } : {}),
  });
}

/**
 * Asks Neo4j for the plan of PLAN_PREFIX + the text. What planning can fail with is mapped here:
 * a syntax error to 400 with the position in the user's text; several statements, a PROFILE or
 * EXPLAIN Neo4j found in the text, a procedure it does not know, another database or an
 * administration command to 403 READ_ONLY; anything else as the runner mapped it (422, 408, 503).
 */
async function explain(deps: ConsoleDeps, text: string, params: Record<string, unknown>, signal?: AbortSignal) {
  try {
    const { summary } = await deps.runner.runText(PLAN_PREFIX + text, params, "READ", "console/explain", {
      signal,
      timeoutMs: deps.config.LIAISON_CONSOLE_TIMEOUT_MS,
    });
    return summary as ResultSummary;
  } catch (error) {
    const { code, message } = neo4jFailure(error);
    const refuse = (reason: string, why: string) => new ReadOnlyError(`${WHERE}: ${why}`, { reason, neo4jCode: code });
    if (/exactly one statement/i.test(message)) {
      throw refuse("multiple-statements", "the console runs one statement at a time.");
    }
    if (/execution mode/i.test(message)) {
      throw refuse("execution-mode", "PROFILE and EXPLAIN are not available in the console; send the query alone.");
    }
    if (code === "Neo.ClientError.Procedure.ProcedureNotFound") {
      throw refuse("procedure-not-allowed", "that procedure is not on the console's allowlist.");
    }
    if (
      /^Neo\.ClientError\.Database\./.test(code) ||
      code === "Neo.ClientError.Statement.NotSystemDatabaseError" ||
      code === "Neo.ClientError.Statement.UnsupportedAdministrationCommand" ||
      /not required for Administration Commands|Multiple graphs|system database/i.test(message)
    ) {
      throw refuse(
        "not-a-read",
        "the console reads this database only; administration and other databases are refused.",
      );
    }
    if (error instanceof BadRequestError) throw shiftedSyntaxError(error);
    throw error;
  }
}

/**
 * Turns records into JSON-safe rows and elements, stopping at the byte limit. The console's rows
 * are the one untyped path (runText): an analyst's query has no row schema to decode with.
 */
function collectRows(
  result: Awaited<ReturnType<QueryRunner["runText"]>>,
  maxRows: number,
  maxBytes: number,
): Pick<CypherResponse, "columns" | "rows" | "elements" | "truncated"> {
  const columns = result.keys;
  const collector = new ElementCollector();
  const rows: unknown[][] = [];
  let bytes = 0;
  let truncated: CypherResponse["truncated"] = result.truncated ? { reason: "rows", limit: maxRows } : false;
  for (const record of result.records) {
    const values = columns.map((column) => record.get(column));
    const before = collector.size;
    for (const value of values) collector.addNodesOf(value);
    const row = values.map((value) => toJson(value, collector));
    bytes += JSON.stringify(row).length + (collector.size - before) * 200;
    if (bytes > maxBytes) {
      truncated = { reason: "bytes", limit: maxBytes };
      break;
    }
    rows.push(row);
  }
  return { columns, rows, elements: collector.elements(), truncated };
}

/** Refuses the request before Neo4j sees it when its text or parameters are out of bounds. */
function checkBounds(deps: ConsoleDeps, request: ConsoleRequest): void {
  const refusal = checkQueryText(request.query, deps.config.LIAISON_CONSOLE_MAX_QUERY_LENGTH);
  if (refusal) {
    const details = { reason: refusal.reason, ...refusal.details };
    throw refusal.status === 400
      ? new BadRequestError(`${WHERE}: ${refusal.message}`, details)
      : new ReadOnlyError(`${WHERE}: ${refusal.message}`, details);
  }
  const depth = jsonDepth(request.params, MAX_PARAM_DEPTH);
  if (depth > MAX_PARAM_DEPTH) {
    throw new BadRequestError(
      `${WHERE}: the parameters nest more than ${MAX_PARAM_DEPTH} lists or maps deep; the console takes at most ${MAX_PARAM_DEPTH}.`,
      { reason: "params-too-deep", limit: MAX_PARAM_DEPTH },
    );
  }
}

/**
 * Runs a console query if, and only if, its text is within bounds and its plan reads; returns
 * JSON-safe rows and the elements of every node, relationship and path in them. Every call,
 * allowed or refused, writes one audit line (never parameter values).
 * @example await runConsole(deps, { query: "MATCH (n:Actor) RETURN n LIMIT 5", params: {} })
 */
export async function runConsole(deps: ConsoleDeps, request: ConsoleRequest, signal?: AbortSignal, log?: Logger) {
  const started = Date.now();
  let queryType = "";
  let verdict = "ok";
  let reason: string | undefined;
  let rows = 0;
  try {
    checkBounds(deps, request);
    const params = toCypherParams(request.params);
    const summary = await explain(deps, request.query, params, signal);
    queryType = String(summary.queryType ?? "");
    const plan = inspectPlan(queryType, summary.plan as PlanNode | false, {
      database: summary.database?.name ?? undefined,
    });
    if (!plan.allowed) {
      const { allowed: _allowed, reason: why, code, ...details } = plan;
      throw new ReadOnlyError(`${WHERE}: ${why}`, { reason: code, ...details });
    }
    const maxRows = deps.config.LIAISON_CONSOLE_MAX_ROWS;
    // Exactly the user's text, with the parameters EXPLAIN saw: the statement that was planned.
    const result = await deps.runner
      .runText(request.query, params, "READ", "console", {
        signal,
        maxRecords: maxRows,
        timeoutMs: deps.config.LIAISON_CONSOLE_TIMEOUT_MS,
      })
      .catch((error: unknown) => {
        // The text was planned: a "syntax error" now is a value Neo4j could not read (date('x')).
        if (!(error instanceof BadRequestError)) throw error;
        throw new QueryFailedError(error.message.replace("syntax error: ", ""), {
          neo4jCode: neo4jFailure(error).code,
        });
      });
    const response: CypherResponse = {
      ...collectRows(result, maxRows, deps.config.LIAISON_CONSOLE_MAX_BYTES),
      queryType,
      ms: Date.now() - started,
    };
    rows = response.rows.length;
    return response;
  } catch (error) {
    verdict = error instanceof LiaisonError ? error.code : "INTERNAL";
    const details = error instanceof LiaisonError ? (error.details as { reason?: unknown } | undefined) : undefined;
    reason = typeof details?.reason === "string" ? details.reason : undefined;
    throw error;
  } finally {
    audit(log ?? deps.logger, {
      kind: "console",
      client: deps.client ?? "",
      route: WHERE,
      verdict,
      queryHash: textHash(request.query),
      queryLength: request.query.length,
      query: request.query.slice(0, 500),
      paramNames: Object.keys(request.params).map((name) => name.slice(0, 100)),
      queryType,
      rows,
      ms: Date.now() - started,
      ...(reason ? { reason } : {}),
    });
  }
}
