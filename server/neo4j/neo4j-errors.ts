/** Turns driver errors into Liaison's typed errors: one map from Neo4j's error classes to statuses and messages people understand. */
import { Neo4jError } from "neo4j-driver";
import { BadRequestError, LiaisonError, ReadOnlyError, UnavailableError } from "../lib/errors.js";

/** A query ran past the app's transaction timeout and was stopped. */
export class QueryTimeoutError extends LiaisonError {
  constructor(message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(408, "QUERY_TIMEOUT", message, options);
  }
}

/** Neo4j refused or failed the query (semantics, arithmetic, types, memory); the message is Neo4j's, which is safe to show. */
export class QueryFailedError extends LiaisonError {
  constructor(message: string, details?: unknown, cause?: unknown) {
    super(422, "QUERY_FAILED", message, { details, cause });
  }
}

/** Where in the query a syntax error is, as Neo4j reports it ("(line 1, column 8 (offset: 7))"). */
export function errorPosition(message: string): { line: number; column: number; offset: number } | undefined {
  const match = /line (\d+), column (\d+) \(offset: (\d+)\)/.exec(message);
  return match ? { line: Number(match[1]), column: Number(match[2]), offset: Number(match[3]) } : undefined;
}

/**
 * Neo4j's status codes are `Neo.<Classification>.<Category>.<Title>`. The classification says
 * whose fault it is and whether a retry can help; the category what failed.
 * @example statusParts("Neo.ClientError.Statement.SyntaxError") // { classification: "ClientError", category: "Statement", title: "SyntaxError" }
 */
export function statusParts(code: string): { classification: string; category: string; title: string } | undefined {
  const match = /^Neo\.([A-Za-z]+)\.([A-Za-z]+)\.([A-Za-z]+)$/.exec(code);
  return match ? { classification: match[1] ?? "", category: match[2] ?? "", title: match[3] ?? "" } : undefined;
}

/** Codes the driver itself sets when it cannot reach or keep a server (no `Neo.` prefix). */
const DRIVER_UNAVAILABLE = new Set(["ServiceUnavailable", "SessionExpired", "ProtocolError", "N/A"]);

/**
 * Maps anything the driver throws to a LiaisonError; `where` starts the message. By class, not by
 * example:
 * - timeouts (`…Transaction.TransactionTimedOut*`, or a termination that says so) → 408 QUERY_TIMEOUT;
 * - `Neo.ClientError.Statement.SyntaxError` → 400 BAD_REQUEST with the position;
 * - a transaction's memory limit (`…MemoryPoolOutOfMemoryError`) → 422 QUERY_FAILED: retrying cannot help;
 * - `Neo.ClientError.Security.Forbidden` → 403 READ_ONLY; other `Security` errors → 503 (the app's own credentials);
 * - `Neo.ClientError.Cluster.*`, every `Neo.TransientError.*`, the driver's connection errors → 503 UNAVAILABLE;
 * - every other `Neo.ClientError.*` (statement, schema, procedure, request…) → 422 QUERY_FAILED;
 * - `Neo.DatabaseError.Statement.*` and `Neo.DatabaseError.General.*` (the query broke something in
 *   the engine: allShortestPaths on one node, an execution failure) → 422 QUERY_FAILED; the other
 *   `Neo.DatabaseError.*` (database, transaction, schema state) → 503 UNAVAILABLE;
 * - only something that is not a driver error at all → 500 INTERNAL (a bug of ours).
 * @example mapNeo4jError(err, "search/nodes") // UnavailableError when the server is down
 */
export function mapNeo4jError(error: unknown, where: string): LiaisonError {
  if (error instanceof LiaisonError) return error;
  if (!(error instanceof Neo4jError)) {
    return new LiaisonError(500, "INTERNAL", `${where}: unexpected failure`, { cause: error });
  }
  const code = error.code ?? "";
  const message = error.message ?? "";
  const firstLine = message.split("\n")[0] ?? "";
  const details = { neo4jCode: code };
  const parts = statusParts(code);

  if (code.includes("TransactionTimedOut") || (code.includes("Transaction.Terminated") && /timeout/i.test(message))) {
    return new QueryTimeoutError(`${where}: the query ran past its time limit and was stopped.`, {
      details,
      cause: error,
    });
  }
  if (!parts) {
    if (DRIVER_UNAVAILABLE.has(code) || Neo4jError.isRetryable(error)) {
      return new UnavailableError(`${where}: Neo4j is unreachable right now; try again shortly.`, { cause: error });
    }
    return new LiaisonError(500, "INTERNAL", `${where}: Neo4j failed (${code || "unknown"})`, { cause: error });
  }
  const { classification, category, title } = parts;
  if (code === "Neo.ClientError.Statement.SyntaxError") {
    return new BadRequestError(`${where}: syntax error: ${firstLine}`, {
      neo4jCode: code,
      message,
      position: errorPosition(message),
    });
  }
  if (title === "MemoryPoolOutOfMemoryError") {
    return new QueryFailedError(`${where}: the query needed more memory than a transaction may use.`, details, error);
  }
  if (classification === "ClientError" && category === "Security") {
    if (title === "Forbidden") {
      return new ReadOnlyError(`${where}: Neo4j does not allow this: ${firstLine}`, {
        ...details,
        reason: "forbidden",
      });
    }
    return new UnavailableError(`${where}: Neo4j refused the app's credentials or permissions.`, { cause: error });
  }
  if (classification === "TransientError" || (classification === "ClientError" && category === "Cluster")) {
    return new UnavailableError(`${where}: Neo4j is busy or unavailable right now; try again shortly.`, {
      details,
      cause: error,
    });
  }
  if (classification === "DatabaseError" && category !== "Statement" && category !== "General") {
    return new UnavailableError(`${where}: Neo4j failed (${code}); try again shortly.`, { details, cause: error });
  }
  return new QueryFailedError(`${where}: ${firstLine || code}`, details, error);
}
