/** Refuses JSON bodies nested deeper than a bound before any validator recurses into them (a few thousand levels overflowed zod's stack). */
import type { RequestHandler } from "express";
import { BadRequestError } from "../lib/errors.js";
import { jsonDepth } from "../lib/json-depth.js";

/** Deeper than any body the API takes (console parameters may nest 32 levels, checked with a clearer message by the console); far below where validators overflow. */
const MAX_BODY_DEPTH = 64;

/** 400 for a body nested deeper than `limit`, naming the body and the bound. */
export function bodyDepthGuard(limit = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (req.body !== undefined && jsonDepth(req.body, limit) > limit) {
      next(
        new BadRequestError(`${req.method} ${req.path}: the body is nested deeper than ${limit} levels.`, [
          { parameter: "body", in: "body", message: `nested deeper than ${limit} levels` },
        ]),
      );
      return;
    }
    next();
  };
}
