/** Turns driver errors into Liaison's typed errors: one map from Neo4j codes to messages people understand. */
import { Neo4jError } from "neo4j-driver";
import { BadRequestError, LiaisonError, UnavailableError } from "../lib/errors.js";

/** A query ran past the app's transaction timeout and was stopped. */
export class QueryTimeoutError extends LiaisonError {
  constructor(message: string) {
    super(408, "QUERY_TIMEOUT", message);
  }
}

/** Neo4j refused the query (syntax, memory, semantics); the message is Neo4j's, which is safe to show. */
export class QueryFailedError extends LiaisonError {
  constructor(message: string, details?: unknown) {
    super(422, "QUERY_FAILED", message, { details });
  }
}

/** Where in the query a syntax error is, as Neo4j reports it ("(line 1, column 8 (offset: 7))"). */
export function errorPosition(message: string): { line: number; column: number; offset: number } | undefined {
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) } : undefined;
}

/**
 * Maps anything the driver throws to a LiaisonError; `where` starts the message.
 * @example mapNeo4jError(err, "search/nodes") // UnavailableError when the server is down
 */
export function mapNeo4jError(error: unknown, where: string): LiaisonError {
  if (error instanceof LiaisonError) return error;
  if (!(error instanceof Neo4jError)) {
    return new LiaisonError(500, "INTERNAL", `${where}: unexpected failure`, { cause: error });
  }
  const code = error.code ?? "";
  const firstLine = (error.message ?? "").split("\n")[0] ?? "";
  if (
    code.includes("TransactionTimedOut") ||
    (code.includes("Transaction.Terminated") && /timeout/i.test(error.message))
  ) {
    return new QueryTimeoutError(`${where}: the query ran past its time limit and was stopped.`);
  }
  if (code === "Neo.ClientError.Statement.SyntaxError") {
    return new BadRequestError(`${where}: syntax error: ${firstLine}`, {
      neo4jCode: code,
      message: error.message,
      position: errorPosition(error.message),
    });
  }
  if (code.includes("MemoryPoolOutOfMemoryError") || code.includes("Memory")) {
    return new QueryFailedError(`${where}: the query needed more memory than a transaction may use.`, {
      neo4jCode: code,
    });
  }
  if (code.startsWith("Neo.ClientError.Security")) {
    return new UnavailableError(`${where}: Neo4j refused the app's credentials or permissions.`, { cause: error });
  }
  // Called on the class: the exported isRetriableError is an unbound method that throws in driver 6.
  if (Neo4jError.isRetryable(error) || code === "ServiceUnavailable" || code === "SessionExpired") {
    return new UnavailableError(`${where}: Neo4j is unreachable right now; try again shortly.`, { cause: error });
  }
  if (code.startsWith("Neo.ClientError")) {
    return new QueryFailedError(`${where}: ${firstLine}`, { neo4jCode: code });
  }
  return new LiaisonError(500, "INTERNAL", `${where}: Neo4j failed (${code || "unknown"})`, { cause: error });
}
