/** Endpoints declared once with their zod request schemas: the same schemas validate requests and generate the OpenAPI document. */
import type { Request, Response, Router } from "express";
import type { ZodType, z } from "zod";
import { DomainError } from "../domain/errors.js";
import { BadRequestError } from "../lib/errors.js";
import { isShared } from "../lib/shared-responses.js";
import { httpError, parameterSource } from "./domain-errors.js";

/** One HTTP endpoint under /api: its request schemas, its response schema (common/contract/) and the use case it calls. */
export interface Endpoint<
  P extends ZodType = ZodType,
  Q extends ZodType = ZodType,
  B extends ZodType = ZodType,
  R extends ZodType = ZodType,
> {
  method: "get" | "post" | "patch" | "delete";
  /** Express-style path under /api, e.g. `/nodes/:id`. */
  path: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The form field of a file upload the endpoint also takes as multipart/form-data (parsed before it). */
  upload?: string;
  /** What a 200 answers: a named schema of the contract, documented in OpenAPI and checked by the contract test. */
  response: R;
  /**
   * Set when a 200 is a file to download, not JSON: `handle` answers a `Download`, sent with this
   * media type as an attachment under its file name.
   */
  download?: { mediaType: string };
  handle(
    input: { params: z.output<P>; query: z.output<Q>; body: z.output<B> },
    context: { signal: AbortSignal; req: Request; res: Response },
  ): Promise<z.output<R>>;
}

/** What a download endpoint's `handle` answers. */
export interface Download {
  filename: string;
  bytes: Uint8Array;
}

/**
 * Declares an endpoint; the types of `handle`'s input follow from the request schemas, its result's from `response`.
 * @example endpoint({ method: "get", path: "/nodes/:id", summary: "One node", params: z.object({ id: z.string() }), response: NodeResponse, handle: … })
 */
export function endpoint<P extends ZodType, Q extends ZodType, B extends ZodType, R extends ZodType>(
  definition: Endpoint<P, Q, B, R>,
): Endpoint {
  return definition as unknown as Endpoint;
}

/** One problem with a request, naming the parameter. */
export interface ParameterProblem {
  parameter: string;
  in: "path" | "query" | "body";
  message: string;
}

/**
 * Parses one part of a request; a failure becomes 400 BAD_REQUEST whose message and details name
 * each bad parameter.
 * @example parsePart(z.object({ q: z.string() }), req.query, "query", "GET /api/search")
 */
function parsePart<S extends ZodType>(
  schema: S,
  value: unknown,
  where: ParameterProblem["in"],
  route: string,
): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems: ParameterProblem[] = parsed.error.issues.flatMap((issue) => {
    // An unknown key is reported under its own name; a bad list item under its list's name.
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? where)];
    return keys.map((parameter) => ({
      parameter,
      in: where,
      message: issue.code === "unrecognized_keys" ? "unknown parameter" : issue.message,
    }));
  });
  const names = [...new Set(problems.map((problem) => problem.parameter))];
  throw new BadRequestError(
    `${route}: invalid ${where === "body" ? "body field" : "parameter"}${names.length > 1 ? "s" : ""} ${names.join(", ")}: ${problems[0]?.message ?? "invalid"}.`,
    problems,
  );
}

/**
 * An AbortSignal that fires when the client disconnects before the response is sent. It listens
 * on the response: a request emits "close" as soon as its body has been read.
 */
export function abortOnClose(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** The JSON of each shared answer (server/lib/shared-responses.ts), written once. */
const sharedJson = new WeakMap<object, Buffer>();
function sharedBytes(answer: object): Buffer {
  let bytes = sharedJson.get(answer);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(answer));
    sharedJson.set(answer, bytes);
  }
  return bytes;
}

/**
 * Mounts endpoints on a router: validate path, query and body, call the use case, send its JSON.
 * A domain error becomes an HTTP error here, where the route and the request's parts are known.
 */
export function mountEndpoints(router: Router, endpoints: readonly Endpoint[]): void {
  for (const definition of endpoints) {
    const route = `${definition.method.toUpperCase()} /api${definition.path}`;
    const source = parameterSource(definition);
    router[definition.method](definition.path, async (req, res, next) => {
      try {
        const input = {
          params: definition.params ? parsePart(definition.params, req.params, "path", route) : {},
          query: definition.query ? parsePart(definition.query, req.query, "query", route) : {},
          body: definition.body ? parsePart(definition.body, req.body, "body", route) : {},
        };
        const result = await definition.handle(input as never, { signal: abortOnClose(res), req, res });
        if (res.headersSent) return;
        if (definition.download) {
          const file = result as Download;
          res.type(definition.download.mediaType).attachment(file.filename).send(Buffer.from(file.bytes));
        } else if (isShared(result)) res.type("json").send(sharedBytes(result));
        else res.json(result);
      } catch (error) {
        next(error instanceof DomainError ? httpError(error, route, source) : error);
      }
    });
  }
}
