/** The typed errors of Liaison: each has an HTTP status and a stable code that tests and clients assert on. */

export type ErrorCode =
  | "BAD_REQUEST"
  | "NOT_FOUND"
  | "READ_ONLY"
  | "QUERY_FAILED"
  | "QUERY_TIMEOUT"
  | "UNAVAILABLE"
  | "CONFIG_INVALID"
  | "PORT_IN_USE"
  | "JAVA_MISSING"
  | "MAVEN_MISSING"
  | "NEO4J_START_FAILED"
  | "NEO4J_UNREACHABLE"
  | "DATA_DIR_UNUSABLE"
  | "DATA_DIR_IN_USE"
  | "DATASET_INVALID"
  | "DATASET_LOAD_FAILED"
  | "UNAUTHORIZED"
  | "HOST_NOT_ALLOWED"
  | "CONSOLE_DISABLED"
  | "RATE_LIMITED"
  | "CONSOLE_BUSY"
  | SourceErrorCode
  | WriteRefusalCode
  | ConflictCode
  | "EXTRACTION_FAILED"
  | "INTERNAL";

/** Why a source could not be brought in (server/sources/); each names the input that failed. */
export type SourceErrorCode =
  | "SOURCE_EMPTY"
  | "SOURCE_TOO_LARGE"
  | "SOURCE_BINARY"
  | "SOURCE_UNSUPPORTED_TYPE"
  | "PDF_NO_TEXT"
  | "HTML_NO_ARTICLE"
  | "SOURCE_FETCH_DISABLED"
  | "SOURCE_FETCH_BLOCKED"
  | "SOURCE_FETCH_TIMEOUT"
  | "SOURCE_FETCH_FAILED";

/** Why a write clashed with the state it meant to change (server/review/). */
export type ConflictCode = "DECISION_ALREADY_UNDONE" | "DRAFT_COMMIT_CONFLICT";

/** Why a write was refused before any work (server/http/write-guard.ts). */
export type WriteRefusalCode = "CROSS_SITE_REQUEST" | "WRITE_HEADER_MISSING" | "EDITOR_REQUIRED";

/**
 * The base of every expected failure. The message starts with where it came from, e.g.
 * `GET /api/nodes/:id: no node "actor:nobody".`; `details` is safe to show to a user.
 */
export class LiaisonError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.code = code;
    this.details = options.details;
  }
}

/** A request parameter or body is invalid; `details` names each parameter and what is wrong. */
export class BadRequestError extends LiaisonError {
  constructor(message: string, details?: unknown) {
    super(400, "BAD_REQUEST", message, { details });
  }
}

export class NotFoundError extends LiaisonError {
  constructor(message: string, details?: unknown) {
    super(404, "NOT_FOUND", message, { details });
  }
}

/** The console refused a query that could change something or reach outside the database. */
export class ReadOnlyError extends LiaisonError {
  constructor(message: string, details?: unknown) {
    super(403, "READ_ONLY", message, { details });
  }
}

/** The request carries no valid access token (only when LIAISON_ACCESS_TOKEN is set). */
export class UnauthorizedError extends LiaisonError {
  constructor(message: string) {
    super(401, "UNAUTHORIZED", message);
  }
}

/** The server refuses the request whoever sends it: a Host name it does not serve, a feature turned off. */
export class ForbiddenError extends LiaisonError {
  constructor(code: "HOST_NOT_ALLOWED" | "CONSOLE_DISABLED", message: string) {
    super(403, code, message);
  }
}

/** Too many requests from one client; `retryAfterSeconds` becomes the Retry-After header. */
export class TooManyRequestsError extends LiaisonError {
  readonly retryAfterSeconds: number;

  constructor(code: "RATE_LIMITED" | "CONSOLE_BUSY", message: string, retryAfterSeconds: number) {
    super(429, code, message, { details: { retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The input of a source cannot be used; `details.input` names it ("text", "file", "url"). */
export class SourceError extends LiaisonError {
  constructor(
    status: number,
    code: SourceErrorCode,
    message: string,
    details: { input: string; [key: string]: unknown },
  ) {
    super(status, code, message, { details });
  }
}

/**
 * The extractor failed on a text the intake accepted (a bug of server/extract/ met by this text):
 * 422 with the extractor's message, so the editor knows the draft was not made; nothing is written.
 */
export class ExtractionError extends LiaisonError {
  constructor(message: string, cause: unknown) {
    super(422, "EXTRACTION_FAILED", message, { details: { input: "text" }, cause });
  }
}

/** A write request refused at the door: sent from another site, without the write header, or not by an editor. */
export class WriteRefusedError extends LiaisonError {
  constructor(code: WriteRefusalCode, message: string) {
    super(403, code, message);
  }
}

/** The write clashes with the state of what it changes (undoing an undone decision, a commit already running): 409. */
export class ConflictError extends LiaisonError {
  constructor(code: ConflictCode, message: string, details?: unknown) {
    super(409, code, message, { details });
  }
}

/** Neo4j is unreachable or overloaded; worth retrying later. */
export class UnavailableError extends LiaisonError {
  constructor(message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(503, "UNAVAILABLE", message, options);
  }
}

/** A failure at start-up that the user can fix (configuration, missing tool, port in use). */
export class StartupError extends LiaisonError {
  constructor(code: ErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(500, code, message, options);
  }
}
