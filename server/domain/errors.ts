/**
 * The errors the use cases throw: what went wrong in the domain's terms (which thing was not
 * found, which argument is wrong), with the codes clients assert on, and no HTTP: the HTTP layer
 * (server/http/domain-errors.ts) gives them a status, the route and where each argument came from.
 */
import type { ErrorCode } from "../lib/errors.js";

/** The base of the domain's errors; `origin` is the use case, `reason` says what is wrong without it. */
export class DomainError extends Error {
  constructor(
    readonly code: Extract<ErrorCode, "NOT_FOUND" | "BAD_REQUEST">,
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`${origin}: ${reason}`);
    this.name = new.target.name;
  }
}

/**
 * No `what` has this id.
 * @example throw new NotFoundDomainError("findNode", "node", "actor:nobody") // findNode: no node "actor:nobody".
 */
export class NotFoundDomainError extends DomainError {
  constructor(
    origin: string,
    readonly what: string,
    readonly id: string,
  ) {
    super("NOT_FOUND", origin, `no ${what} "${id}".`);
  }
}

/**
 * An argument of a use case is wrong: `parameter` names it, `problem` says what it must be,
 * `reason` (a sentence) says what is wrong with it.
 * @example throw new InvalidArgumentError("paths", "to", "must differ from `from`", "from and to are the same node.")
 */
export class InvalidArgumentError extends DomainError {
  constructor(
    origin: string,
    readonly parameter: string,
    readonly problem: string,
    reason = `${parameter} ${problem}.`,
  ) {
    super("BAD_REQUEST", origin, reason);
  }
}

/**
 * Some of the ids an argument lists name no `what`: `parameter` names the argument, `ids` every one not found.
 * @example throw new UnknownIdsError("evidence", "passage", "ids", ["passage:x"]) // evidence: no passage "passage:x".
 */
export class UnknownIdsError extends DomainError {
  constructor(
    origin: string,
    readonly what: string,
    readonly parameter: string,
    readonly ids: readonly string[],
  ) {
    super("NOT_FOUND", origin, `no ${what} ${ids.map((id) => `"${id}"`).join(", ")}.`);
  }
}
