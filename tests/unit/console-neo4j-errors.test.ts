import { Neo4jError } from "neo4j-driver";
import { describe, expect, test } from "vitest";
import { LiaisonError } from "../../server/lib/errors.js";
import { mapNeo4jError, statusParts } from "../../server/neo4j/neo4j-errors.js";

const neo4jError = (code: string, message = "it failed") =>
  new Neo4jError(message, code, "50N42", "error: general processing exception");

describe("mapNeo4jError", () => {
  test.each([
    // Statement errors the query caused: arithmetic, types, arguments, semantics, procedures, schema.
    ["Neo.ClientError.Statement.ArithmeticError", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Statement.TypeError", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Statement.ArgumentError", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Statement.SemanticError", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Statement.EntityNotFound", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Statement.UnsupportedOperationError", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Procedure.ProcedureCallFailed", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Schema.IndexNotFound", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Request.Invalid", 422, "QUERY_FAILED"],
    ["Neo.ClientError.Some.FutureTitle", 422, "QUERY_FAILED"],
    // The engine failed on the query (allShortestPaths on one node, an execution failure).
    ["Neo.DatabaseError.Statement.ExecutionFailed", 422, "QUERY_FAILED"],
    ["Neo.DatabaseError.General.UnknownError", 422, "QUERY_FAILED"],
    ["Neo.DatabaseError.Statement.SomeFutureFailure", 422, "QUERY_FAILED"],
    // A transaction's memory limit: retrying cannot help, though Neo4j calls it transient.
    ["Neo.TransientError.General.MemoryPoolOutOfMemoryError", 422, "QUERY_FAILED"],
    // Transient and unavailable: worth retrying later.
    ["Neo.TransientError.General.DatabaseUnavailable", 503, "UNAVAILABLE"],
    ["Neo.TransientError.Transaction.DeadlockDetected", 503, "UNAVAILABLE"],
    ["Neo.TransientError.Transaction.Terminated", 503, "UNAVAILABLE"],
    ["Neo.TransientError.Some.FutureTitle", 503, "UNAVAILABLE"],
    ["Neo.ClientError.Cluster.NotALeader", 503, "UNAVAILABLE"],
    ["Neo.DatabaseError.Transaction.TransactionStartFailed", 503, "UNAVAILABLE"],
    ["Neo.DatabaseError.Database.DatabaseUnavailable", 503, "UNAVAILABLE"],
    ["Neo.ClientError.Security.Unauthorized", 503, "UNAVAILABLE"],
    ["ServiceUnavailable", 503, "UNAVAILABLE"],
    ["SessionExpired", 503, "UNAVAILABLE"],
    // Timeouts.
    ["Neo.ClientError.Transaction.TransactionTimedOut", 408, "QUERY_TIMEOUT"],
    ["Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration", 408, "QUERY_TIMEOUT"],
    // Refused by the database's permissions.
    ["Neo.ClientError.Security.Forbidden", 403, "READ_ONLY"],
    // Syntax.
    ["Neo.ClientError.Statement.SyntaxError", 400, "BAD_REQUEST"],
  ])("when Neo4j fails with %s, then %i %s", (code, status, errorCode) => {
    const mapped = mapNeo4jError(neo4jError(code), "test");
    expect(mapped).toBeInstanceOf(LiaisonError);
    expect(mapped).toMatchObject({ status, code: errorCode });
    expect(mapped.message.startsWith("test: ")).toBe(true);
  });

  test("when a termination says it was a timeout, then 408", () => {
    const error = neo4jError("Neo.TransientError.Transaction.Terminated", "terminated because of a timeout");
    expect(mapNeo4jError(error, "test")).toMatchObject({ status: 408 });
  });

  test("when a syntax error names its position, then the details carry it", () => {
    const error = neo4jError(
      "Neo.ClientError.Statement.SyntaxError",
      "Invalid input 'x' (line 2, column 3 (offset: 9))",
    );
    expect(mapNeo4jError(error, "test").details).toMatchObject({ position: { line: 2, column: 3, offset: 9 } });
  });

  test("when a query fails, then Neo4j's code is in the details and the driver error is the cause", () => {
    const error = neo4jError("Neo.ClientError.Statement.ArithmeticError", "/ by zero");
    const mapped = mapNeo4jError(error, "test");
    expect(mapped.details).toEqual({ neo4jCode: "Neo.ClientError.Statement.ArithmeticError" });
    expect(mapped.cause).toBe(error);
  });

  test("when the error is not from the driver, then 500 INTERNAL", () => {
    expect(mapNeo4jError(new TypeError("x"), "test")).toMatchObject({ status: 500, code: "INTERNAL" });
  });
});

describe("statusParts", () => {
  test("splits a Neo4j status code into classification, category and title", () => {
    expect(statusParts("Neo.ClientError.Statement.SyntaxError")).toEqual({
      classification: "ClientError",
      category: "Statement",
      title: "SyntaxError",
    });
    expect(statusParts("ServiceUnavailable")).toBeUndefined();
  });
});
