/** The one place errors become responses: `{ error: { code, message, details } }`, never a stack trace or a credential. */
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { ApiError } from "../../common/api-types.js";
import { DomainError } from "../domain/errors.js";
import { audit } from "../lib/audit.js";
import { LiaisonError, NotFoundError } from "../lib/errors.js";
import { mapNeo4jError } from "../neo4j/neo4j-errors.js";
import { httpError } from "./domain-errors.js";

/** 404 for any /api path no route answered. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`${req.method} ${req.baseUrl}${req.path}: no such endpoint.`));
};

/** Codes of requests refused before any work: each gets an audit line (console verdicts get theirs from the console). */
const REFUSALS = new Set([
  "UNAUTHORIZED",
  "HOST_NOT_ALLOWED",
  "CONSOLE_DISABLED",
  "RATE_LIMITED",
  "CONSOLE_BUSY",
  "CROSS_SITE_REQUEST",
  "WRITE_HEADER_MISSING",
  "EDITOR_REQUIRED",
]);

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const requestId = String(req.id ?? "");
  let known: LiaisonError;
  if (error instanceof LiaisonError) known = error;
  // Endpoints map their domain errors with the parameters' sources; this covers any other route.
  else if (error instanceof DomainError)
    known = httpError(error, `${req.method} ${req.baseUrl}${req.route?.path ?? req.path}`);
  else if (error?.type === "entity.parse.failed") {
    known = new LiaisonError(400, "BAD_REQUEST", `${req.method} ${req.path}: the body is not valid JSON.`);
  } else if (error?.type === "entity.too.large") {
    known = new LiaisonError(413, "BAD_REQUEST", `${req.method} ${req.path}: the body is too large.`);
  } else if (typeof error?.status === "number" && error.status >= 400 && error.status < 500) {
    // http-errors from Express's own middleware (a missing static file, a bad header…).
    known =
      error.status === 404
        ? new NotFoundError(`${req.method} ${req.path}: not found.`)
        : new LiaisonError(error.status, "BAD_REQUEST", `${req.method} ${req.path}: the request was refused.`);
  } else known = mapNeo4jError(error, `${req.method} ${req.path}`);

  // An outage answers every request with 503: one short warning each, not a stack trace each.
  if (known.code === "UNAVAILABLE") req.log?.warn({ requestId }, known.message);
  else if (known.status >= 500) req.log?.error({ err: error, requestId }, known.message);
  // The extractor's failure is answered with its message (422), but it is a bug to find: its stack goes to the log.
  else if (known.code === "EXTRACTION_FAILED") req.log?.error({ err: error, requestId }, known.message);
  if (REFUSALS.has(known.code) && req.log) {
    audit(req.log, {
      kind: "refused",
      client: req.ip ?? "unknown",
      route: `${req.method} ${req.originalUrl.split("?")[0]}`,
      verdict: known.code,
      reason: known.message,
    });
  }
  const body: ApiError = {
    error: {
      code: known.code,
      message:
        known.status === 500
          ? "Internal error: this is a bug in Liaison; the request id identifies it in the server log."
          : known.message,
      ...(known.details !== undefined && known.status !== 500 ? { details: known.details } : {}),
      requestId,
    },
  };
  if (res.headersSent) return;
  res.status(known.status).json(body);
};
