/** Turns the domain's errors into HTTP errors: a status by code, the route in front of the message, and where each argument came from. */
import { z } from "zod";
import { type DomainError, InvalidArgumentError, NotFoundDomainError, UnknownIdsError } from "../domain/errors.js";
import { BadRequestError, LiaisonError, NotFoundError } from "../lib/errors.js";
import type { Endpoint, ParameterProblem } from "./endpoint.js";

const STATUS: Record<DomainError["code"], number> = { NOT_FOUND: 404, BAD_REQUEST: 400 };

/** Which part of the request (path, query or body) an endpoint reads a parameter from, if it declares it. */
export function parameterSource(definition: Pick<Endpoint, "params" | "query" | "body">) {
  const parts: [ParameterProblem["in"], unknown][] = [
    ["path", definition.params],
    ["query", definition.query],
    ["body", definition.body],
  ];
  return (parameter: string): ParameterProblem["in"] | undefined =>
    parts.find(([, schema]) => schema instanceof z.ZodObject && parameter in schema.shape)?.[0];
}

/**
 * The HTTP error of a domain error: its message starts with the route instead of the use case; an
 * invalid argument's (or unknown ids') details name the parameter and where the request gave it.
 * @example httpError(new NotFoundDomainError("findNode", "node", "actor:x"), "GET /api/nodes/:id") // 404, `GET /api/nodes/:id: no node "actor:x".`
 */
export function httpError(
  error: DomainError,
  route: string,
  source: (parameter: string) => ParameterProblem["in"] | undefined = () => undefined,
): LiaisonError {
  const message = `${route}: ${error.reason}`;
  if (error instanceof NotFoundDomainError) return new NotFoundError(message, { id: error.id });
  if (error instanceof UnknownIdsError) {
    const where = source(error.parameter);
    return new NotFoundError(
      message,
      error.ids.map((id) => ({
        parameter: error.parameter,
        ...(where ? { in: where } : {}),
        message: `no ${error.what} "${id}"`,
      })),
    );
  }
  if (error instanceof InvalidArgumentError) {
    const where = source(error.parameter);
    return new BadRequestError(message, [
      { parameter: error.parameter, ...(where ? { in: where } : {}), message: error.problem },
    ]);
  }
  return new LiaisonError(STATUS[error.code], error.code, message, { cause: error });
}
