import { describe, expect, test } from "vitest";
import { z } from "zod";
import { InvalidArgumentError, NotFoundDomainError, UnknownIdsError } from "../../server/domain/errors.js";
import { httpError, parameterSource } from "../../server/http/domain-errors.js";

describe("httpError", () => {
  const source = parameterSource({
    params: z.strictObject({ id: z.string() }),
    query: z.strictObject({ offset: z.string() }).superRefine(() => {}),
  });

  test("when the domain finds no node, then 404 NOT_FOUND with the route in front and the id in details", () => {
    const error = httpError(new NotFoundDomainError("findNode", "node", "actor:nobody"), "GET /api/nodes/:id", source);
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", details: { id: "actor:nobody" } });
    expect(error.message).toBe('GET /api/nodes/:id: no node "actor:nobody".');
  });

  test("when an argument is invalid, then 400 BAD_REQUEST naming the parameter and the part of the request it came from", () => {
    const error = httpError(
      new InvalidArgumentError("neighbourhood", "offset", "needs depth=1"),
      "GET /api/nodes/:id/neighbourhood",
      source,
    );
    expect(error).toMatchObject({
      status: 400,
      code: "BAD_REQUEST",
      details: [{ parameter: "offset", in: "query", message: "needs depth=1" }],
    });
    expect(error.message).toBe("GET /api/nodes/:id/neighbourhood: offset needs depth=1.");
  });

  test("when some ids of a list argument are unknown, then 404 NOT_FOUND naming each, with the parameter and where it came from", () => {
    const error = httpError(new UnknownIdsError("evidence", "node", "offset", ["a", "b"]), "GET /api/x", source);
    expect(error).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      details: [
        { parameter: "offset", in: "query", message: 'no node "a"' },
        { parameter: "offset", in: "query", message: 'no node "b"' },
      ],
    });
    expect(error.message).toBe('GET /api/x: no node "a", "b".');
  });

  test("when the route does not declare the parameter, then the details leave out where it came from", () => {
    const error = httpError(new InvalidArgumentError("paths", "to", "must differ"), "GET /api/x");
    expect(error.details).toEqual([{ parameter: "to", message: "must differ" }]);
  });
});

describe("domain errors", () => {
  test("when thrown outside HTTP, then the message starts with the use case and carries no status", () => {
    const error = new InvalidArgumentError("paths", "to", "must differ from `from`", "from and to are the same node.");
    expect(error.message).toBe("paths: from and to are the same node.");
    expect(error).toMatchObject({ code: "BAD_REQUEST", parameter: "to" });
    expect("status" in error).toBe(false);
  });
});
