/** POST /api/cypher: the read-only, bounded console. EXPLAIN first and inspect the plan, then run in a read transaction with the app's timeout and row and byte limits. */
import type { ResultSummary } from "neo4j-driver";
import type { CypherResponse } from "../../common/api-types.js";
import type { Config } from "../config.js";
import { BadRequestError, LiaisonError, ReadOnlyError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import type { QueryRunner } from "../neo4j/query-runner.js";
import { ElementCollector, toJson } from "../neo4j/to-elements.js";
import { inspectPlan, type PlanNode } from "./plan.js";

const WHERE = "POST /api/cypher";
/** Put before the query so that Neo4j plans it without running it; its length shifts error positions. */
const EXPLAIN = "EXPLAIN\n";

/** A leading PROFILE, after comments and whitespace: the one keyword EXPLAIN cannot be put before. */
const LEADING_PROFILE = /^(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*PROFILE\b/i;

export interface ConsoleRequest {
  query: string;
  params: Record<string, unknown>;
}

export interface ConsoleDeps {
  runner: QueryRunner;
  config: Pick<Config, "LIAISON_CONSOLE_TIMEOUT_MS" | "LIAISON_CONSOLE_MAX_ROWS" | "LIAISON_CONSOLE_MAX_BYTES">;
  logger: Logger;
}

const neo4jCode = (error: unknown): string =>
  error instanceof LiaisonError ? String((error.details as { neo4jCode?: string } | undefined)?.neo4jCode ?? "") : "";

/** Asks Neo4j for the plan; maps what that can fail with to 400 (syntax, with the position in the user's text) or 403. */
async function explain(deps: ConsoleDeps, text: string, params: Record<string, unknown>, signal?: AbortSignal) {
  try {
    const { summary } = await deps.runner.runText(EXPLAIN + text, params, "READ", "console/explain", {
      signal,
      timeoutMs: deps.config.LIAISON_CONSOLE_TIMEOUT_MS,
    });
    return summary as ResultSummary;
  } catch (error) {
    const code = neo4jCode(error);
    const message = error instanceof Error ? error.message : "";
    if (/exactly one statement/i.test(message)) {
      throw new ReadOnlyError(`${WHERE}: the console runs one statement at a time.`, { reason: "multiple-statements" });
    }
    if (code === "Neo.ClientError.Procedure.ProcedureNotFound") {
      throw new ReadOnlyError(`${WHERE}: that procedure is not on the console's allowlist.`, {
        reason: "procedure-not-allowed",
      });
    }
    if (error instanceof BadRequestError) {
      const details = (error.details ?? {}) as { position?: { line: number; column: number; offset: number } };
      const position = details.position;
      const shifted = position
        ? error.message.replace(
            /line (\d+), column (\d+) \(offset: (\d+)\)/,
            `line ${Math.max(1, position.line - 1)}, column ${position.column} (offset: ${Math.max(0, position.offset - EXPLAIN.length)})`,
          )
        : error.message;
      throw new BadRequestError(shifted.replace("console/explain", WHERE), {
        ...details,
        ...(position
          ? {
              position: {
                line: Math.max(1, position.line - 1),
                column: position.column,
                offset: Math.max(0, position.offset - EXPLAIN.length),
              },
            }
          : {}),
      });
    }
    throw error;
  }
}

/**
 * Runs a console query if, and only if, its plan reads; returns JSON-safe rows and the elements
 * of every node, relationship and path in them.
 * @example await runConsole(deps, { query: "MATCH (n:Actor) RETURN n LIMIT 5", params: {} })
 */
export async function runConsole(deps: ConsoleDeps, request: ConsoleRequest, signal?: AbortSignal, log?: Logger) {
  const started = Date.now();
  const logger = log ?? deps.logger;
  let queryType = "";
  let outcome = "ok";
  let rowCount = 0;
  try {
    let summary: ResultSummary;
    try {
      summary = await explain(deps, request.query, request.params, signal);
    } catch (error) {
      // EXPLAIN cannot precede PROFILE; plan the query without it, then run it as given.
      if (!/execution mode/i.test(error instanceof Error ? error.message : "")) throw error;
      const profile = LEADING_PROFILE.exec(request.query);
      if (!profile) throw new ReadOnlyError(`${WHERE}: the console cannot plan this query.`, { reason: "no-plan" });
      summary = await explain(deps, request.query.slice(profile[0].length), request.params, signal);
    }
    queryType = String(summary.queryType ?? "");
    const verdict = inspectPlan(queryType, summary.plan as PlanNode | false);
    if (!verdict.allowed) {
      const { allowed: _allowed, reason, ...details } = verdict;
      throw new ReadOnlyError(`${WHERE}: ${reason}`, details);
    }

    const maxRows = deps.config.LIAISON_CONSOLE_MAX_ROWS;
    const maxBytes = deps.config.LIAISON_CONSOLE_MAX_BYTES;
    const result = await deps.runner.runText(request.query, request.params, "READ", "console", {
      signal,
      maxRecords: maxRows,
      timeoutMs: deps.config.LIAISON_CONSOLE_TIMEOUT_MS,
    });
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
    rowCount = rows.length;
    if (truncated) outcome = `truncated:${truncated.reason}`;
    const response: CypherResponse = {
      columns,
      rows,
      elements: collector.elements(),
      truncated,
      queryType,
      ms: Date.now() - started,
    };
    return response;
  } catch (error) {
    outcome = error instanceof LiaisonError ? error.code : "INTERNAL";
    throw error;
  } finally {
    logger.info(
      { console: { query: request.query, queryType, rows: rowCount, ms: Date.now() - started, outcome } },
      "console query",
    );
  }
}
